/* The real-time half of the paging JACK engine.
 *
 * Everything here runs inside JACK's process thread or is an atomic store that managed code
 * makes from ordinary threads. The process callback only moves samples: it never allocates,
 * locks, logs or makes a system call, because a C callback is the only way the mixer keeps
 * running while the .NET runtime suspends managed threads for a blocking GC.
 *
 * libjack is not linked: managed code passes the few libjack functions the callback needs as
 * pointers (pj_jack_api), so the library builds without JACK headers and the test driver can
 * run the callback against fake port buffers. */
#ifndef PAGING_JACK_H
#define PAGING_JACK_H

#include <stdint.h>

#define PJ_MAX_SPEAKERS 32
#define PJ_MAX_CALLS 8

#ifdef __cplusplus
extern "C" {
#endif

/* The libjack functions the callback uses (all are real-time safe per JACK's API docs). */
typedef struct pj_jack_api {
    void *(*port_get_buffer)(void *port, uint32_t nframes);
    uint32_t (*last_frame_time)(void *client);
    uint64_t (*frames_to_time)(void *client, uint32_t frames);
    uint64_t (*get_time)(void);
} pj_jack_api;

/* A single-producer/single-consumer float ring. The layout is mirrored by PjRing in C#;
 * the indexes count samples since the ring was reset and only grow, so full and empty are
 * told apart without a spare slot. The producer owns write_index and overruns; the consumer
 * (the process callback) owns read_index, primed and underruns. */
typedef struct pj_ring {
    float *data;          /* 0: capacity floats, capacity a power of two */
    uint32_t mask;        /* 8: capacity - 1 */
    uint32_t prefill;     /* 12: samples buffered before playback starts or resumes */
    uint64_t write_index; /* 16: producer, release store */
    uint64_t overruns;    /* 24: producer */
    uint8_t pad0[32];     /* keep the consumer's fields on another cache line */
    uint64_t read_index;  /* 64: consumer, release store */
    uint64_t underruns;   /* 72: consumer */
    uint32_t active;      /* 80: set by managed code, read by the consumer */
    uint32_t primed;      /* 84: consumer */
    uint32_t gain_bits;   /* 88: float gain as bits, set by managed code */
    uint8_t pad1[36];
} pj_ring;

typedef struct pj_health {
    uint64_t cycles;            /* process callbacks run */
    uint64_t frames;            /* frames produced */
    uint64_t xruns;             /* xrun callbacks seen */
    uint64_t max_process_usec;  /* longest callback, JACK microseconds */
    uint64_t last_process_usec; /* jack_get_time() at the last callback */
    uint64_t first_frame_time;  /* jack_last_frame_time() of the first cycle */
    uint64_t last_frame_time;   /* jack_last_frame_time() of the last cycle */
    uint64_t limited_samples;   /* output samples the limiter touched */
    uint64_t last_nframes;      /* period of the last cycle */
} pj_health;

typedef struct pj_engine pj_engine;

/* Lifetime (managed threads, never the RT thread). */
pj_engine *pj_engine_create(uint32_t ring_capacity);
void pj_engine_destroy(pj_engine *e);
void pj_engine_set_api(pj_engine *e, const pj_jack_api *api);
/* Only while the client is not active: JACK does not call process then. */
void pj_engine_set_ports(pj_engine *e, void *client, void *const *speaker_out,
                         void *const *music_in, uint32_t count);
void pj_engine_reset_health(pj_engine *e);

/* The JACK callbacks; arg is the pj_engine. */
int pj_process(uint32_t nframes, void *arg);
int pj_xrun(void *arg);
void *pj_process_fn(void);
void *pj_xrun_fn(void);
/* A message sink for jack_set_error_function/jack_set_info_function that drops everything. */
void *pj_silent_fn(void);

/* Controls: atomic stores only, safe from any thread. */
void pj_set_music_gain(pj_engine *e, float target, uint32_t ramp_samples);
float pj_get_music_gain(const pj_engine *e);
void pj_set_limiter(pj_engine *e, float knee);
pj_ring *pj_call_ring(pj_engine *e, uint32_t slot);

/* Klaxon: samples stay owned by the caller until pj_klaxon_released() >= the returned id. */
uint64_t pj_klaxon_start(pj_engine *e, const float *samples, uint32_t count, float gain,
                         uint32_t fade_samples);
void pj_klaxon_stop(pj_engine *e, uint32_t fade_samples);
uint64_t pj_klaxon_released(const pj_engine *e);
/* Completion: id of the last finished klaxon, its end time (JACK usec), 1 if stopped early. */
uint64_t pj_klaxon_done(const pj_engine *e, uint64_t *end_usec, uint32_t *stopped);

void pj_get_health(const pj_engine *e, pj_health *out);
uint32_t pj_ring_size(void);

#ifdef __cplusplus
}
#endif

#endif
