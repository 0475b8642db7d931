/* Runs the paging process callback against fake JACK buffers for many cycles, with every
 * feature busy (calls, klaxon start/stop, music fades), and counts calls into the allocator
 * and locking functions made while it runs. Linked with -Wl,--wrap=... so that every call from
 * the engine's object files lands in the counters below.
 *
 * Exit status 0 and "allocations 0" when clean. With --self-check the fake jack_port_get_buffer
 * allocates, which must be counted (proves the counter can see calls made inside pj_process). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paging_jack.h"

#define FRAMES 256
#define CYCLES 20000

static int counting;
static int self_check;
static long counted;

void *__real_malloc(size_t n);
void *__real_calloc(size_t a, size_t b);
void *__real_realloc(void *p, size_t n);
void __real_free(void *p);
void *__real_aligned_alloc(size_t a, size_t n);
int __real_pthread_mutex_lock(pthread_mutex_t *m);

void *__wrap_malloc(size_t n) { counted += counting; return __real_malloc(n); }
void *__wrap_calloc(size_t a, size_t b) { counted += counting; return __real_calloc(a, b); }
void *__wrap_realloc(void *p, size_t n) { counted += counting; return __real_realloc(p, n); }
void __wrap_free(void *p) { counted += counting; __real_free(p); }
void *__wrap_aligned_alloc(size_t a, size_t n) { counted += counting; return __real_aligned_alloc(a, n); }
int __wrap_pthread_mutex_lock(pthread_mutex_t *m) { counted += counting; return __real_pthread_mutex_lock(m); }

static float buffers[4][FRAMES];
static void *volatile sink; /* keeps the self-check allocation from being optimised away */

static void *fake_get_buffer(void *port, uint32_t nframes)
{
    (void)nframes;
    if (self_check) {
        sink = malloc(8);
        free(sink);
    }
    return buffers[(size_t)port - 1];
}

static uint32_t frame_now;
static uint32_t fake_last_frame_time(void *client) { (void)client; return frame_now; }
static uint64_t fake_frames_to_time(void *client, uint32_t f) { (void)client; return (uint64_t)f * 1000000 / 48000; }
static uint64_t fake_get_time(void) { return (uint64_t)frame_now * 1000000 / 48000; }

static void produce(pj_ring *r, float value, uint32_t n)
{
    uint64_t w = r->write_index;
    uint64_t rd = __atomic_load_n(&r->read_index, __ATOMIC_ACQUIRE);
    for (uint32_t i = 0; i < n && w - rd < (uint64_t)r->mask + 1; i++, w++)
        r->data[w & r->mask] = value;
    __atomic_store_n(&r->write_index, w, __ATOMIC_RELEASE);
}

int main(int argc, char **argv)
{
    self_check = argc > 1 && strcmp(argv[1], "--self-check") == 0;
    static float klaxon[48000];
    for (int i = 0; i < 48000; i++)
        klaxon[i] = (i % 100) < 50 ? 0.5f : -0.5f;

    pj_engine *e = pj_engine_create(65536);
    pj_jack_api api = { fake_get_buffer, fake_last_frame_time, fake_frames_to_time, fake_get_time };
    pj_engine_set_api(e, &api);
    void *outs[2] = { (void *)1, (void *)2 };
    void *ins[2] = { (void *)3, (void *)4 };
    pj_engine_set_ports(e, (void *)0x1, outs, ins, 2);
    for (int i = 0; i < FRAMES; i++)
        buffers[2][i] = buffers[3][i] = 0.9f;
    pj_ring *a = pj_call_ring(e, 0);
    pj_ring *b = pj_call_ring(e, 1);
    a->active = b->active = 1;

    float peak = 0;
    uint64_t klaxons = 0;
    counting = 1;
    for (int c = 0; c < CYCLES; c++) {
        produce(a, 1.0f, c % 7 == 0 ? 0 : FRAMES);  /* some starvation too */
        produce(b, -1.0f, FRAMES);
        if (c % 50 == 0)
            pj_set_music_gain(e, (c / 50) % 2 ? 0.1f : 1.0f, 4800);
        if (c % 300 == 0)
            pj_klaxon_start(e, klaxon, 48000, 1.0f, 480);
        if (c % 300 == 100)
            pj_klaxon_stop(e, 480);
        pj_process(FRAMES, e);
        frame_now += FRAMES;
        for (int s = 0; s < 2; s++)
            for (int i = 0; i < FRAMES; i++) {
                float v = buffers[s][i] < 0 ? -buffers[s][i] : buffers[s][i];
                if (v > peak)
                    peak = v;
            }
    }
    counting = 0;
    klaxons = pj_klaxon_done(e, NULL, NULL);
    pj_health h;
    pj_get_health(e, &h);
    printf("allocations %ld cycles %llu klaxons %llu peak %.6f underruns %llu\n", counted,
           (unsigned long long)h.cycles, (unsigned long long)klaxons, peak,
           (unsigned long long)a->underruns);
    pj_engine_destroy(e);
    return counted == 0 && peak <= 1.0f && h.cycles == CYCLES ? 0 : 1;
}
