/* libFuzzer target for the wire validator (engine-free, so it runs fast).
 * Input: one byte choosing a side table shape, then the message bytes.
 * Build and run: make fuzz (FUZZ_SECONDS=N). Seeds: tests/fuzz/corpus. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/wire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  sp_wire_side_t side[4] = {
      {SP_WIRE_SIDE_BUFFER, (void *)1, 64, NULL},
      {SP_WIRE_SIDE_PORT, (void *)1, 0, NULL},
      {SP_WIRE_SIDE_SHARED, (void *)1, 16, NULL},
      {SP_WIRE_SIDE_BUFFER, (void *)1, 0, NULL},
  };
  uint32_t nside = data[0] % 5;
  /* an exactly sized copy, so any overread is caught by ASan */
  size_t n = size - 1;
  uint8_t *copy = malloc(n ? n : 1);
  if (!copy) return 0;
  memcpy(copy, data + 1, n);
  (void)sp_wire_check(copy, n, nside ? side : NULL, nside);
  free(copy);
  return 0;
}
