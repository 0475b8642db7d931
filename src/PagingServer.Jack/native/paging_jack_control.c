/* Commands from managed threads to the process callback: music fades and the klaxon.
 * Each command is a seqlock write (see paging_jack.c); callers serialise their own writes. */
#include "paging_jack_internal.h"

void pj_set_music_gain(pj_engine *e, float target, uint32_t ramp_samples)
{
    uint64_t s = LOADR(&e->music_seq);
    STORE(&e->music_seq, s + 1);
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    STORER(&e->music_target_bits, float_to_bits(target));
    STORER(&e->music_ramp, ramp_samples);
    STORE(&e->music_seq, s + 2);
}

float pj_get_music_gain(const pj_engine *e)
{
    return bits_to_float(LOADR(&e->music_gain_bits));
}

uint64_t pj_klaxon_start(pj_engine *e, const float *samples, uint32_t count, float gain,
                         uint32_t fade_samples)
{
    uint64_t s = LOADR(&e->klaxon_seq);
    STORE(&e->klaxon_seq, s + 1);
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    STORER(&e->klaxon_req_data, samples);
    STORER(&e->klaxon_req_count, count);
    STORER(&e->klaxon_req_gain_bits, float_to_bits(gain));
    STORER(&e->klaxon_req_fade, fade_samples);
    STORE(&e->klaxon_seq, s + 2);
    return (s + 2) / 2;
}

void pj_klaxon_stop(pj_engine *e, uint32_t fade_samples)
{
    STORER(&e->klaxon_stop_fade, fade_samples ? fade_samples : 1);
    __atomic_fetch_add(&e->klaxon_stop_seq, 1, __ATOMIC_RELEASE);
}

uint64_t pj_klaxon_released(const pj_engine *e) { return LOAD(&e->k_released); }

uint64_t pj_klaxon_done(const pj_engine *e, uint64_t *end_usec, uint32_t *stopped)
{
    for (;;) {
        uint64_t s1 = LOAD(&e->k_done_seq);
        uint64_t id = LOADR(&e->k_done_id);
        uint64_t usec = LOADR(&e->k_done_usec);
        uint32_t st = LOADR(&e->k_done_stopped);
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        if ((s1 & 1) == 0 && LOADR(&e->k_done_seq) == s1) {
            if (end_usec)
                *end_usec = usec;
            if (stopped)
                *stopped = st;
            return id;
        }
    }
}
