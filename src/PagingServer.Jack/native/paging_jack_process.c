/* The JACK process callback: rings and inputs in, mixed and limited speaker buffers out.
 * Sealed room: no allocation, lock, log, system call or anything that can block. */
#include "paging_jack_internal.h"

typedef struct {
    pj_ring *ring;
    uint64_t read;
    uint32_t take;
    float gain;
} pj_call_cycle;

/* A soft knee: unity gain below the knee, then a curve that approaches 1.0 and never passes it,
 * so sums of loud sources are squashed instead of wrapping or hard-clipping. */
static inline float limit(float v, float knee, uint64_t *touched)
{
    float a = v < 0.0f ? -v : v;
    if (a <= knee)
        return v;
    (*touched)++;
    float room = 1.0f - knee;
    float y;
    if (room <= 0.0f) {
        y = 1.0f;
    } else {
        float u = (a - knee) / room;
        y = knee + room * (u / (1.0f + u));
    }
    if (!(y <= 1.0f)) /* NaN or rounding */
        y = 1.0f;
    return v < 0.0f ? -y : y;
}

static void take_music_command(pj_engine *e)
{
    uint64_t s1 = LOAD(&e->music_seq);
    if ((s1 & 1) || s1 == e->music_seen)
        return;
    uint32_t target_bits = LOADR(&e->music_target_bits);
    uint32_t ramp = LOADR(&e->music_ramp);
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    if (LOADR(&e->music_seq) != s1)
        return;
    e->music_seen = s1;
    float target = bits_to_float(target_bits);
    /* Always ramp toward the absolute target, never by a relative step: repeated ducks cannot
     * creep below the configured level (the original's bug). */
    if (ramp == 0) {
        e->music_gain = target;
        e->music_left = 0;
    } else {
        e->music_step = (target - e->music_gain) / (float)ramp;
        e->music_left = ramp;
    }
    e->music_final = target;
}

static void klaxon_finish(pj_engine *e, uint32_t frame, uint32_t stopped, uint32_t lft)
{
    uint64_t usec = e->api.frames_to_time(e->client, lft + frame);
    uint64_t s = LOADR(&e->k_done_seq);
    STORE(&e->k_done_seq, s + 1);
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    STORER(&e->k_done_id, e->k_id);
    STORER(&e->k_done_usec, usec);
    STORER(&e->k_done_stopped, stopped);
    STORE(&e->k_done_seq, s + 2);
    STORE(&e->k_released, e->k_id);
    e->k_data = NULL;
}

static void take_klaxon_commands(pj_engine *e, uint32_t lft)
{
    uint64_t s1 = LOAD(&e->klaxon_seq);
    if (!(s1 & 1) && s1 != e->klaxon_seen) {
        const float *data = LOADR(&e->klaxon_req_data);
        uint32_t count = LOADR(&e->klaxon_req_count);
        uint32_t gain_bits = LOADR(&e->klaxon_req_gain_bits);
        uint32_t fade = LOADR(&e->klaxon_req_fade);
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        if (LOADR(&e->klaxon_seq) == s1) {
            e->klaxon_seen = s1;
            if (e->k_data)
                klaxon_finish(e, 0, 1, lft); /* replaced by the new one */
            e->k_id = s1 / 2;
            e->k_data = data;
            e->k_count = count;
            e->k_pos = 0;
            e->k_gain = bits_to_float(gain_bits);
            e->k_default_fade = fade;
            e->k_fade_total = 0;
            e->k_fade_left = 0;
            /* Stop requests made before this start do not apply to it. */
            e->klaxon_stop_seen = LOAD(&e->klaxon_stop_seq);
            STORE(&e->k_released, e->k_id - 1);
            if (count == 0 || !data)
                klaxon_finish(e, 0, 0, lft);
        }
    }
    uint64_t stop = LOAD(&e->klaxon_stop_seq);
    if (stop != e->klaxon_stop_seen) {
        e->klaxon_stop_seen = stop;
        if (e->k_data && e->k_fade_total == 0) {
            uint32_t fade = LOADR(&e->klaxon_stop_fade);
            e->k_fade_total = fade;
            e->k_fade_left = fade;
        }
    }
}

int pj_process(uint32_t nframes, void *arg)
{
    pj_engine *e = arg;
    const pj_jack_api *api = &e->api;
    uint64_t t0 = api->get_time();
    uint32_t lft = api->last_frame_time(e->client);
    uint32_t ns = LOAD(&e->speaker_count);
    float *out[PJ_MAX_SPEAKERS];
    const float *music[PJ_MAX_SPEAKERS];
    for (uint32_t s = 0; s < ns; s++) {
        out[s] = api->port_get_buffer(e->speaker_out[s], nframes);
        music[s] = e->music_in[s] ? api->port_get_buffer(e->music_in[s], nframes) : NULL;
    }

    take_music_command(e);
    take_klaxon_commands(e, lft);

    pj_call_cycle calls[PJ_MAX_CALLS];
    uint32_t nc = 0;
    for (uint32_t c = 0; c < PJ_MAX_CALLS; c++) {
        pj_ring *r = &e->calls[c];
        if (!LOAD(&r->active)) {
            r->primed = 0;
            continue;
        }
        uint64_t w = LOAD(&r->write_index);
        uint64_t rd = r->read_index;
        uint64_t avail = w - rd;
        if (!r->primed) {
            uint64_t need = r->prefill > nframes ? r->prefill : nframes;
            if (avail < need)
                continue;
            r->primed = 1;
        }
        uint32_t take = avail < nframes ? (uint32_t)avail : nframes;
        if (take < nframes) {
            /* Starved: play what is there and buffer up to the prefill again. */
            STORER(&r->underruns, r->underruns + 1);
            r->primed = 0;
        }
        calls[nc].ring = r;
        calls[nc].read = rd;
        calls[nc].take = take;
        calls[nc].gain = bits_to_float(LOADR(&r->gain_bits));
        nc++;
    }

    float knee = bits_to_float(LOADR(&e->limiter_knee_bits));
    uint64_t touched = 0;
    for (uint32_t i = 0; i < nframes; i++) {
        float common = 0.0f;
        if (e->k_data) {
            float g = e->k_gain;
            if (e->k_fade_total) {
                g *= (float)e->k_fade_left / (float)e->k_fade_total;
                e->k_fade_left--;
            }
            common += e->k_data[e->k_pos++] * g;
            if (e->k_pos >= e->k_count)
                klaxon_finish(e, i + 1, 0, lft);
            else if (e->k_fade_total && e->k_fade_left == 0)
                klaxon_finish(e, i + 1, 1, lft);
        }
        for (uint32_t c = 0; c < nc; c++) {
            if (i < calls[c].take) {
                const pj_ring *r = calls[c].ring;
                common += r->data[(calls[c].read + i) & r->mask] * calls[c].gain;
            }
        }
        if (e->music_left) {
            e->music_gain += e->music_step;
            if (--e->music_left == 0)
                e->music_gain = e->music_final;
        }
        float mg = e->music_gain;
        for (uint32_t s = 0; s < ns; s++) {
            float v = common;
            if (music[s])
                v += music[s][i] * mg;
            out[s][i] = limit(v, knee, &touched);
        }
    }

    for (uint32_t c = 0; c < nc; c++)
        STORE(&calls[c].ring->read_index, calls[c].read + calls[c].take);
    STORER(&e->music_gain_bits, float_to_bits(e->music_gain));

    pj_health *h = &e->health;
    if (LOADR(&h->cycles) == 0)
        STORER(&h->first_frame_time, (uint64_t)lft);
    STORER(&h->last_frame_time, (uint64_t)lft);
    STORER(&h->frames, h->frames + nframes);
    STORER(&h->last_nframes, (uint64_t)nframes);
    STORER(&h->limited_samples, h->limited_samples + touched);
    uint64_t t1 = api->get_time();
    if (t1 - t0 > LOADR(&h->max_process_usec))
        STORER(&h->max_process_usec, t1 - t0);
    STORER(&h->last_process_usec, t1);
    STORE(&h->cycles, h->cycles + 1);
    return 0;
}
