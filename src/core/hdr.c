/* HDR histogram (see hdr.h). Layout: bucket 0 holds sub_bucket_count slots of
 * width 2^unit_magnitude; every later bucket holds the upper half_count slots of
 * twice the width, so that `counts` is one flat array of counts_len slots. The
 * floating-point steps (the magnitudes, the percentile ladder) are computed the
 * way node's HdrHistogram_c does, so that the results agree bit for bit. */
#include "core/hdr.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int32_t bucket_of(const sp_hdr_t *h, int64_t v) {
  int32_t pow2ceiling = 64 - __builtin_clzll((uint64_t)(v | h->sub_bucket_mask));
  return pow2ceiling - h->unit_magnitude - (h->half_count_magnitude + 1);
}

static int32_t sub_bucket_of(const sp_hdr_t *h, int64_t v, int32_t bucket) {
  return (int32_t)(v >> (bucket + h->unit_magnitude));
}

static int32_t index_of(const sp_hdr_t *h, int64_t v) {
  int32_t b = bucket_of(h, v);
  return ((b + 1) << h->half_count_magnitude) + (sub_bucket_of(h, v, b) - h->half_count);
}

static int64_t value_at(const sp_hdr_t *h, int32_t index) {
  int32_t b = (index >> h->half_count_magnitude) - 1;
  int32_t s = (index & (h->half_count - 1)) + h->half_count;
  if (b < 0) {
    s -= h->half_count;
    b = 0;
  }
  return (int64_t)s << (b + h->unit_magnitude);
}

static int64_t lowest_equivalent(const sp_hdr_t *h, int64_t v) {
  int32_t b = bucket_of(h, v);
  return (int64_t)sub_bucket_of(h, v, b) << (b + h->unit_magnitude);
}

static int64_t range_size(const sp_hdr_t *h, int64_t v) {
  int32_t b = bucket_of(h, v);
  if (sub_bucket_of(h, v, b) >= h->sub_bucket_count) b++;
  return INT64_C(1) << (h->unit_magnitude + b);
}

static int64_t highest_equivalent(const sp_hdr_t *h, int64_t v) { return lowest_equivalent(h, v) + range_size(h, v) - 1; }
static int64_t median_equivalent(const sp_hdr_t *h, int64_t v) { return lowest_equivalent(h, v) + (range_size(h, v) >> 1); }

int sp_hdr_init(sp_hdr_t *h, int64_t lowest, int64_t highest, int figures) {
  memset(h, 0, sizeof *h);
  if (lowest < 1 || figures < 1 || figures > 5 || lowest > INT64_MAX / 2 || lowest * 2 > highest) return -EINVAL;
  int64_t single_unit_range = 2;
  for (int i = 0; i < figures; i++) single_unit_range *= 10;
  int32_t count_magnitude = (int32_t)ceil(log((double)single_unit_range) / log(2));
  h->half_count_magnitude = (count_magnitude > 1 ? count_magnitude : 1) - 1;
  h->unit_magnitude = (int32_t)(log((double)lowest) / log(2));
  if (h->unit_magnitude + h->half_count_magnitude > 61) return -EINVAL;
  h->sub_bucket_count = INT32_C(1) << (h->half_count_magnitude + 1);
  h->half_count = h->sub_bucket_count / 2;
  h->sub_bucket_mask = ((int64_t)h->sub_bucket_count - 1) << h->unit_magnitude;
  /* buckets until the first value that cannot be tracked passes `highest` */
  int64_t untrackable = (int64_t)h->sub_bucket_count << h->unit_magnitude;
  int32_t buckets = 1;
  while (untrackable <= highest) {
    if (untrackable > INT64_MAX / 2) {
      buckets++;
      break;
    }
    untrackable <<= 1;
    buckets++;
  }
  h->counts_len = (buckets + 1) * h->half_count;
  h->counts = calloc((size_t)h->counts_len, sizeof *h->counts);
  if (!h->counts) return -ENOMEM;
  h->lowest = lowest;
  h->highest = highest;
  h->figures = figures;
  h->min_value = INT64_MAX;
  return 0;
}

void sp_hdr_free(sp_hdr_t *h) {
  free(h->counts);
  h->counts = NULL;
}

void sp_hdr_reset(sp_hdr_t *h) {
  memset(h->counts, 0, (size_t)h->counts_len * sizeof *h->counts);
  h->total = 0;
  h->min_value = INT64_MAX;
  h->max_value = 0;
}

bool sp_hdr_record(sp_hdr_t *h, int64_t value, int64_t count) {
  if (value < 0 || value > h->highest) return false; /* node counts those as exceeds */
  int32_t i = index_of(h, value);
  if (i < 0 || i >= h->counts_len) return false;
  h->counts[i] += count;
  h->total += count;
  if (value != 0 && value < h->min_value) h->min_value = value;
  if (value > h->max_value) h->max_value = value;
  return true;
}

int64_t sp_hdr_add(sp_hdr_t *h, const sp_hdr_t *from) {
  int64_t dropped = 0;
  /* a snapshot of the counts first: `from` may be `h` */
  int32_t n = from->counts_len;
  int64_t *counts = malloc((size_t)n * sizeof *counts);
  if (!counts) return from->total;
  memcpy(counts, from->counts, (size_t)n * sizeof *counts);
  for (int32_t i = 0; i < n; i++)
    if (counts[i] && !sp_hdr_record(h, value_at(from, i), counts[i])) dropped += counts[i];
  free(counts);
  return dropped;
}

int64_t sp_hdr_min(const sp_hdr_t *h) {
  if (h->counts[0] > 0) return 0;
  return h->min_value == INT64_MAX ? INT64_MAX : lowest_equivalent(h, h->min_value);
}

int64_t sp_hdr_max(const sp_hdr_t *h) { return h->max_value == 0 ? 0 : highest_equivalent(h, h->max_value); }

double sp_hdr_mean(const sp_hdr_t *h) {
  int64_t sum = 0;
  for (int32_t i = 0; i < h->counts_len; i++)
    if (h->counts[i]) sum += h->counts[i] * median_equivalent(h, value_at(h, i));
  return (double)sum / (double)h->total;
}

double sp_hdr_stddev(const sp_hdr_t *h) {
  double mean = sp_hdr_mean(h), sum = 0;
  for (int32_t i = 0; i < h->counts_len; i++) {
    if (!h->counts[i]) continue;
    double dev = (double)median_equivalent(h, value_at(h, i)) - mean;
    sum += dev * dev * (double)h->counts[i];
  }
  return sqrt(sum / (double)h->total);
}

int64_t sp_hdr_value_at_percentile(const sp_hdr_t *h, double percentile) {
  double p = percentile < 100.0 ? percentile : 100.0;
  int64_t wanted = (int64_t)((p / 100) * (double)h->total + 0.5);
  if (wanted < 1) wanted = 1;
  int64_t seen = 0;
  for (int32_t i = 0; i < h->counts_len; i++) {
    seen += h->counts[i];
    if (seen >= wanted) return highest_equivalent(h, value_at(h, i));
  }
  return 0;
}

/* The percentile ladder is HdrHistogram_c's percentile iterator with one tick per
 * half distance, step for step (node reports what it yields): at most one report
 * per call; while counts remain, the slot that reached the level is looked at
 * again, so one slot may carry several levels; once every count is seen, only
 * the closing 100 follows. */
typedef struct ladder {
  int32_t i;
  int64_t count, cumulative, value;
  double next, level;
  bool closed;
} ladder_t;

static bool ladder_step(const sp_hdr_t *h, ladder_t *it) {
  if (it->cumulative >= h->total || it->i >= h->counts_len) return false;
  it->i++;
  if (it->i < h->counts_len) {
    it->count = h->counts[it->i];
    it->cumulative += it->count;
    it->value = value_at(h, it->i);
  }
  return true;
}

static bool ladder_next(const sp_hdr_t *h, ladder_t *it) {
  if (it->cumulative >= h->total) {
    if (it->closed) return false;
    it->closed = true;
    it->level = 100.0;
    return true;
  }
  if (it->i == -1 && !ladder_step(h, it)) return false;
  do {
    if (it->count != 0 && it->next <= 100.0 * (double)it->cumulative / (double)h->total) {
      it->level = it->next;
      if (it->next >= 100.0) {
        it->next = INFINITY; /* HdrHistogram_c's step from 100 is infinite too */
      } else {
        int64_t halvings = (int64_t)(log(100 / (100.0 - it->next)) / log(2)) + 1;
        it->next += 100.0 / (double)(int64_t)pow(2, (double)halvings);
      }
      return true;
    }
  } while (ladder_step(h, it));
  return true;
}

void sp_hdr_percentiles(const sp_hdr_t *h, void (*fn)(double, int64_t, void *), void *arg) {
  ladder_t it = {.i = -1};
  while (ladder_next(h, &it)) fn(it.level, it.value, arg);
}
