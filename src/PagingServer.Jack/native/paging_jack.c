/* The paging mixer's JACK process callback and the atomics that steer it; see paging_jack.h.
 *
 * Memory order: a producer writes samples, then stores write_index with release; the callback
 * loads write_index with acquire, reads samples, then stores read_index with release; the
 * producer loads read_index with acquire before reusing space (the C11 SPSC ring pattern).
 * Commands from managed threads (music fades, klaxon start) travel through seqlocks: the writer
 * makes the sequence odd, stores the fields, makes it even; the callback takes the command only
 * when it read the same even sequence before and after the fields, else it retries next cycle. */
#include "paging_jack_internal.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(pj_ring) == 128, "pj_ring is mirrored by PjRing in C#");
_Static_assert(offsetof(pj_ring, write_index) == 16, "pj_ring layout");
_Static_assert(offsetof(pj_ring, overruns) == 24, "pj_ring layout");
_Static_assert(offsetof(pj_ring, read_index) == 64, "pj_ring layout");
_Static_assert(offsetof(pj_ring, underruns) == 72, "pj_ring layout");
_Static_assert(offsetof(pj_ring, active) == 80, "pj_ring layout");
_Static_assert(offsetof(pj_ring, gain_bits) == 88, "pj_ring layout");

static void *null_buffer(void *port, uint32_t nframes) { (void)port; (void)nframes; return NULL; }
static uint32_t zero_frame(void *client) { (void)client; return 0; }
static uint64_t zero_time_frames(void *client, uint32_t f) { (void)client; (void)f; return 0; }
static uint64_t zero_time(void) { return 0; }

pj_engine *pj_engine_create(uint32_t ring_capacity)
{
    uint32_t cap = 1024;
    while (cap < ring_capacity && cap < (1u << 30))
        cap <<= 1;
    pj_engine *e = aligned_alloc(64, (sizeof(pj_engine) + 63) & ~(size_t)63);
    if (!e)
        return NULL;
    memset(e, 0, sizeof *e);
    e->api.port_get_buffer = null_buffer;
    e->api.last_frame_time = zero_frame;
    e->api.frames_to_time = zero_time_frames;
    e->api.get_time = zero_time;
    e->limiter_knee_bits = float_to_bits(0.9f);
    e->music_gain_bits = float_to_bits(0.0f);
    for (uint32_t i = 0; i < PJ_MAX_CALLS; i++) {
        e->calls[i].data = calloc(cap, sizeof(float));
        if (!e->calls[i].data) {
            pj_engine_destroy(e);
            return NULL;
        }
        e->calls[i].mask = cap - 1;
        e->calls[i].gain_bits = float_to_bits(1.0f);
    }
    return e;
}

void pj_engine_destroy(pj_engine *e)
{
    if (!e)
        return;
    for (uint32_t i = 0; i < PJ_MAX_CALLS; i++)
        free(e->calls[i].data);
    free(e);
}

void pj_engine_set_api(pj_engine *e, const pj_jack_api *api) { e->api = *api; }

void pj_engine_set_ports(pj_engine *e, void *client, void *const *speaker_out,
                         void *const *music_in, uint32_t count)
{
    if (count > PJ_MAX_SPEAKERS)
        count = PJ_MAX_SPEAKERS;
    e->client = client;
    for (uint32_t i = 0; i < PJ_MAX_SPEAKERS; i++) {
        e->speaker_out[i] = i < count ? speaker_out[i] : NULL;
        e->music_in[i] = i < count && music_in ? music_in[i] : NULL;
    }
    STORE(&e->speaker_count, count);
}

void pj_engine_reset_health(pj_engine *e)
{
    memset(&e->health, 0, sizeof e->health);
    __atomic_thread_fence(__ATOMIC_RELEASE);
}

pj_ring *pj_call_ring(pj_engine *e, uint32_t slot)
{
    return slot < PJ_MAX_CALLS ? &e->calls[slot] : NULL;
}

uint32_t pj_ring_size(void) { return (uint32_t)sizeof(pj_ring); }

void pj_set_limiter(pj_engine *e, float knee)
{
    if (!(knee > 0.0f && knee <= 1.0f))
        knee = 1.0f;
    STORER(&e->limiter_knee_bits, float_to_bits(knee));
}

int pj_xrun(void *arg)
{
    pj_engine *e = arg;
    __atomic_fetch_add(&e->health.xruns, 1, __ATOMIC_RELAXED);
    return 0;
}

static void pj_silent(const char *msg) { (void)msg; }

void *pj_silent_fn(void) { return (void *)pj_silent; }
void *pj_process_fn(void) { return (void *)pj_process; }
void *pj_xrun_fn(void) { return (void *)pj_xrun; }

void pj_get_health(const pj_engine *e, pj_health *out)
{
    out->cycles = LOADR(&e->health.cycles);
    out->frames = LOADR(&e->health.frames);
    out->xruns = LOADR(&e->health.xruns);
    out->max_process_usec = LOADR(&e->health.max_process_usec);
    out->last_process_usec = LOADR(&e->health.last_process_usec);
    out->first_frame_time = LOADR(&e->health.first_frame_time);
    out->last_frame_time = LOADR(&e->health.last_frame_time);
    out->limited_samples = LOADR(&e->health.limited_samples);
    out->last_nframes = LOADR(&e->health.last_nframes);
}
