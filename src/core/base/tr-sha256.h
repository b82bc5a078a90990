/* tr-sha256.h: the SHA-256 of a file's bytes, which tells a file already
 * imported
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The SHA-256 of @bytes in lowercase hex, as g_compute_checksum_for_bytes()
 * gives it, but through nettle, which uses the processor's SHA
 * instructions where it has them: several times faster on the megabytes of
 * a PDF, each of which an import hashes. */
char *tr_sha256_for_bytes (GBytes *bytes);

G_END_DECLS
