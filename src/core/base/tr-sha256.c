/* tr-sha256.c: the SHA-256 of a file's bytes
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <nettle/base16.h>
#include <nettle/sha2.h>

#include "tr-sha256.h"

char *
tr_sha256_for_bytes (GBytes *bytes)
{
  struct sha256_ctx context;
  guint8 digest[SHA256_DIGEST_SIZE];
  char *hex;
  gsize size = 0;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  sha256_init (&context);
  sha256_update (&context, size, data);
  sha256_digest (&context, sizeof digest, digest);

  hex = g_malloc (BASE16_ENCODE_LENGTH (sizeof digest) + 1);
  base16_encode_update (hex, sizeof digest, digest);
  hex[BASE16_ENCODE_LENGTH (sizeof digest)] = '\0';
  return hex;
}
