/* test-sha256.c: nettle's SHA-256 of a file's bytes, in GLib's form
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-sha256.h"

/* FIPS 180-2's example: the hex of the digest itself, lowercase. */
static void
test_known_digest (void)
{
  g_autoptr(GBytes) abc = g_bytes_new_static ("abc", 3);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autofree char *abc_hex = tr_sha256_for_bytes (abc);
  g_autofree char *empty_hex = tr_sha256_for_bytes (empty);

  g_assert_cmpstr (abc_hex, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_cmpstr (empty_hex, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

/* Every length around the 64-byte blocks and their padding, from every
 * alignment, and a few megabytes: the same hex as GLib's, which the
 * library's stored digests were made with. */
static void
test_same_as_glib (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261203);
  gsize big = 3 * 1024 * 1024 + 17;
  g_autofree guint8 *data = g_malloc (big);

  for (gsize i = 0; i < big; i++)
    data[i] = (guint8) g_rand_int (rand);

  for (gsize offset = 0; offset < 8; offset++)
    for (gsize length = 0; length <= 200; length++)
      {
        g_autoptr(GBytes) bytes = g_bytes_new_static (data + offset, length);
        g_autofree char *ours = tr_sha256_for_bytes (bytes);
        g_autofree char *glib = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

        g_assert_cmpstr (ours, ==, glib);
      }

  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (data, big);
    g_autofree char *ours = tr_sha256_for_bytes (bytes);
    g_autofree char *glib = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

    g_assert_cmpstr (ours, ==, glib);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sha256/known-digest", test_known_digest);
  g_test_add_func ("/sha256/same-as-glib", test_same_as_glib);
  return g_test_run ();
}
