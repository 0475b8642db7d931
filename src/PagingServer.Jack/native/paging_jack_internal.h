/* Engine state shared by the paging_jack C files; not part of the managed interface. */
#ifndef PAGING_JACK_INTERNAL_H
#define PAGING_JACK_INTERNAL_H

#include "paging_jack.h"

#include <stddef.h>

#define LOAD(p) __atomic_load_n((p), __ATOMIC_ACQUIRE)
#define LOADR(p) __atomic_load_n((p), __ATOMIC_RELAXED)
#define STORE(p, v) __atomic_store_n((p), (v), __ATOMIC_RELEASE)
#define STORER(p, v) __atomic_store_n((p), (v), __ATOMIC_RELAXED)

typedef union { float f; uint32_t u; } pj_bits;

static inline float bits_to_float(uint32_t u) { pj_bits b; b.u = u; return b.f; }
static inline uint32_t float_to_bits(float f) { pj_bits b; b.f = f; return b.u; }

struct pj_engine {
    pj_ring calls[PJ_MAX_CALLS];
    pj_jack_api api;
    void *client;
    void *speaker_out[PJ_MAX_SPEAKERS];
    void *music_in[PJ_MAX_SPEAKERS];
    uint32_t speaker_count;
    uint32_t limiter_knee_bits;

    /* Music fade command (seqlock) and the callback's ramp state. */
    uint64_t music_seq;
    uint32_t music_target_bits;
    uint32_t music_ramp;
    uint64_t music_seen;
    float music_gain;
    float music_final; /* the target the current ramp ends on exactly */
    float music_step;
    uint32_t music_left;
    uint32_t music_gain_bits; /* published for pj_get_music_gain */

    /* Klaxon start command (seqlock), stop requests, and the callback's playback state. */
    uint64_t klaxon_seq;
    const float *klaxon_req_data;
    uint32_t klaxon_req_count;
    uint32_t klaxon_req_gain_bits;
    uint32_t klaxon_req_fade;
    uint64_t klaxon_seen;
    uint64_t klaxon_stop_seq;
    uint32_t klaxon_stop_fade;
    uint64_t klaxon_stop_seen;
    const float *k_data;
    uint32_t k_count, k_pos, k_fade_total, k_fade_left, k_default_fade;
    float k_gain;
    uint64_t k_id;
    uint64_t k_released;
    uint64_t k_done_seq; /* seqlock over the three fields below */
    uint64_t k_done_id;
    uint64_t k_done_usec;
    uint32_t k_done_stopped;

    pj_health health;
};

#endif
