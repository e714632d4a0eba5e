/* A high-dynamic-range histogram: counts of int64 values kept to a fixed number
 * of significant decimal figures over [lowest, highest], in buckets whose width
 * doubles from one to the next (Gil Tene's HdrHistogram layout). This is what
 * node's perf_hooks histograms report from, so the figures match node's to the
 * unit: min/max are the edges of the recorded values' buckets, the mean and
 * standard deviation use each bucket's middle, percentiles its top.
 * Single-threaded: the caller serialises access. */
#ifndef SP_CORE_HDR_H
#define SP_CORE_HDR_H
#include <stdbool.h>
#include <stdint.h>

typedef struct sp_hdr {
  int64_t lowest, highest;
  int32_t figures;
  int32_t unit_magnitude;     /* log2 of the smallest distinguishable step */
  int32_t half_count_magnitude; /* log2 of half a bucket's sub-bucket count */
  int32_t sub_bucket_count, half_count;
  int64_t sub_bucket_mask;
  int32_t counts_len;
  int64_t *counts;
  int64_t total;
  int64_t min_value, max_value; /* raw extremes recorded (min: INT64_MAX when none) */
} sp_hdr_t;

/* 0, or -EINVAL (lowest < 1, highest < 2 * lowest, figures outside 1..5) / -ENOMEM. */
int sp_hdr_init(sp_hdr_t *h, int64_t lowest, int64_t highest, int figures);
void sp_hdr_free(sp_hdr_t *h);
void sp_hdr_reset(sp_hdr_t *h);
/* false when the value is below 0 or above `highest` (values under `lowest` count
 * in the first slot) */
bool sp_hdr_record(sp_hdr_t *h, int64_t value, int64_t count);
/* adds every count of `from`; returns how many could not be recorded */
int64_t sp_hdr_add(sp_hdr_t *h, const sp_hdr_t *from);

int64_t sp_hdr_min(const sp_hdr_t *h);  /* INT64_MAX when empty */
int64_t sp_hdr_max(const sp_hdr_t *h);  /* 0 when empty */
double sp_hdr_mean(const sp_hdr_t *h);  /* NaN when empty */
double sp_hdr_stddev(const sp_hdr_t *h);
int64_t sp_hdr_value_at_percentile(const sp_hdr_t *h, double percentile);
/* The percentile ladder node's `percentiles` map shows: 0, 50, 75, 87.5 ... halving
 * the distance to 100 at each step while values remain, then 100. fn gets each
 * (percentile, value at it). */
void sp_hdr_percentiles(const sp_hdr_t *h, void (*fn)(double percentile, int64_t value, void *arg), void *arg);

#endif
