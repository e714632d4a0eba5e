/* HDR histogram core: bucket layout, extremes, mean/stddev, percentiles and the
 * percentile ladder, checked against figures node 20 reports for the same input
 * (perf_hooks.createHistogram), range edges, add and reset. No JS here. */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "core/hdr.h"

static int failures;
#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                              \
    }                                                                          \
  } while (0)

struct ladder {
  double level[32];
  int64_t value[32];
  int n;
};
static void collect(double level, int64_t value, void *arg) {
  struct ladder *l = arg;
  if (l->n < 32) {
    l->level[l->n] = level;
    l->value[l->n] = value;
  }
  l->n++;
}

static void test_config_errors(void) {
  sp_hdr_t h;
  CHECK(sp_hdr_init(&h, 0, 100, 3) == -EINVAL);
  CHECK(sp_hdr_init(&h, 10, 19, 3) == -EINVAL);
  CHECK(sp_hdr_init(&h, 1, 100, 0) == -EINVAL);
  CHECK(sp_hdr_init(&h, 1, 100, 6) == -EINVAL);
  CHECK(sp_hdr_init(&h, 1, 2, 1) == 0);
  sp_hdr_free(&h);
}

static void test_empty(void) {
  sp_hdr_t h;
  CHECK(sp_hdr_init(&h, 1, INT64_C(9007199254740991), 3) == 0);
  CHECK(sp_hdr_min(&h) == INT64_MAX);
  CHECK(sp_hdr_max(&h) == 0);
  CHECK(isnan(sp_hdr_mean(&h)));
  CHECK(sp_hdr_value_at_percentile(&h, 50) == 0);
  struct ladder l = {0};
  sp_hdr_percentiles(&h, collect, &l);
  CHECK(l.n == 1 && l.level[0] == 100.0 && l.value[0] == 0);
  sp_hdr_free(&h);
}

/* node: createHistogram(); record 1, 2, 3, 100, 1000, 2047, 2048, 2049, 123456789,
 * 9007199254740991, 5n */
static void test_node_figures(void) {
  sp_hdr_t h;
  CHECK(sp_hdr_init(&h, 1, INT64_C(9007199254740991), 3) == 0);
  int64_t values[] = {1, 2, 3, 100, 1000, 2047, 2048, 2049, 123456789, INT64_C(9007199254740991), 5};
  for (size_t i = 0; i < sizeof values / sizeof *values; i++) CHECK(sp_hdr_record(&h, values[i], 1));
  CHECK(h.total == 11);
  CHECK(sp_hdr_min(&h) == 1);
  CHECK(sp_hdr_max(&h) == INT64_C(9007199254740991));
  CHECK(sp_hdr_mean(&h) == 818636395902704.8);
  CHECK(sp_hdr_stddev(&h) == 2588755547527361.0);
  CHECK(sp_hdr_value_at_percentile(&h, 50) == 1000);
  CHECK(sp_hdr_value_at_percentile(&h, 99.9) == INT64_C(9007199254740991));
  struct ladder l = {0};
  sp_hdr_percentiles(&h, collect, &l);
  double levels[] = {0, 50, 75, 87.5, 93.75, 100};
  int64_t at[] = {1, 1000, 2048, 123404288, INT64_C(9002801208229888), INT64_C(9002801208229888)};
  CHECK(l.n == 6);
  for (int i = 0; i < 6 && i < l.n; i++) CHECK(l.level[i] == levels[i] && l.value[i] == at[i]);
  /* past `highest`: refused (node counts it in exceeds) */
  CHECK(!sp_hdr_record(&h, INT64_C(9007199254740992), 1));
  CHECK(!sp_hdr_record(&h, -1, 1));
  sp_hdr_reset(&h);
  CHECK(h.total == 0 && sp_hdr_min(&h) == INT64_MAX && sp_hdr_max(&h) == 0);
  sp_hdr_free(&h);
}

/* node: createHistogram({ lowest: 10, highest: 1000, figures: 2 }); record 1, 8, 15, ... 1996 */
static void test_coarse(void) {
  sp_hdr_t h;
  CHECK(sp_hdr_init(&h, 10, 1000, 2) == 0);
  int refused = 0;
  for (int64_t v = 1; v < 2000; v += 7)
    if (!sp_hdr_record(&h, v, 1)) refused++;
  CHECK(h.total == 143 && refused == 143);
  CHECK(sp_hdr_min(&h) == 0); /* values under `lowest` share the first slot */
  CHECK(sp_hdr_max(&h) == 999);
  CHECK(sp_hdr_mean(&h) == 498.4895104895105);
  CHECK(sp_hdr_stddev(&h) == 288.92927164938527);
  struct ladder l = {0};
  sp_hdr_percentiles(&h, collect, &l);
  double levels[] = {0, 50, 75, 87.5, 93.75, 96.875, 98.4375, 99.21875, 99.609375, 100};
  int64_t at[] = {0, 496, 744, 872, 936, 960, 976, 984, 992, 992};
  CHECK(l.n == 10);
  for (int i = 0; i < 10 && i < l.n; i++) CHECK(l.level[i] == levels[i] && l.value[i] == at[i]);

  /* add: the other's counts land in this one's slots; self-add doubles */
  sp_hdr_t big;
  CHECK(sp_hdr_init(&big, 1, INT64_C(9007199254740991), 3) == 0);
  CHECK(sp_hdr_record(&big, 5, 1));
  CHECK(sp_hdr_add(&big, &h) == 0);
  CHECK(big.total == 144);
  CHECK(sp_hdr_add(&big, &big) == 0);
  CHECK(big.total == 288);
  /* into a narrower one: what is past its range is dropped */
  sp_hdr_t narrow;
  CHECK(sp_hdr_init(&narrow, 1, 100, 3) == 0);
  CHECK(sp_hdr_add(&narrow, &h) == 143 - 15);
  sp_hdr_free(&narrow);
  sp_hdr_free(&big);
  sp_hdr_free(&h);
}

int main(void) {
  test_config_errors();
  test_empty();
  test_node_figures();
  test_coarse();
  if (failures) {
    fprintf(stderr, "test_hdr: %d failure(s)\n", failures);
    return 1;
  }
  printf("test_hdr: ok\n");
  return 0;
}
