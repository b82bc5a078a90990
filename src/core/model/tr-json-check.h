/* tr-json-check.h: strict JSON, checked before json-glib reads it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint max_depth;       /* objects and arrays inside each other */
  guint max_values;      /* every object, array, string, number, literal */
  guint max_key_length;  /* bytes of a key, escapes decoded */
} TrJsonLimits;

/* Checks that @data (@length bytes, not necessarily NUL-terminated) is one
 * JSON value exactly as RFC 8259 writes it, within @limits: valid UTF-8, no
 * comments, single quotes, trailing commas or other extensions, no key twice
 * in an object, and no string holding U+0000 or half of a surrogate pair.
 * json-glib accepts all of these (the last two lose text), and before 1.10
 * recurses without bound on nesting; this is the gate in front of it. The
 * error (TR_ERROR_INVALID_DATA) gives the line and column, and the key. */
gboolean tr_json_check (const char          *data,
                        gsize                length,
                        const TrJsonLimits  *limits,
                        GError             **error);

G_END_DECLS
