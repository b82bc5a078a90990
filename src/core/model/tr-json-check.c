/* tr-json-check.c
 *
 * One pass over the text, with a stack of its own rather than recursion, so
 * that no nesting can exhaust the C stack. Only keys are decoded (to find
 * the second of two and to name where a problem is); values are checked
 * where they stand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "tr-error.h"
#include "tr-json-check.h"
#include "tr-text.h"

typedef struct {
  gboolean    is_object;
  guint       index;   /* arrays: the current element */
  const char *key;     /* objects: the current member's, owned by keys */
  GHashTable *keys;    /* objects: every key so far */
} Level;

typedef struct {
  const char         *p;
  const char         *end;
  const char         *line_start;
  guint               line;
  guint               n_values;
  const TrJsonLimits *limits;
  GArray             *stack;  /* of Level */
  GError            **error;
} Checker;

static void
level_clear (Level *level)
{
  g_clear_pointer (&level->keys, g_hash_table_unref);
}

static Level *
top_level (Checker *self)
{
  return &g_array_index (self->stack, Level, self->stack->len - 1);
}

static void
pop_level (Checker *self)
{
  /* The array's clear function frees the level. */
  g_array_set_size (self->stack, self->stack->len - 1);
}

static guint
column_of (Checker    *self,
           const char *at)
{
  /* Everything before @at on its line was checked: valid UTF-8. */
  return (guint) g_utf8_strlen (self->line_start, at - self->line_start) + 1;
}

static gboolean G_GNUC_PRINTF (3, 4)
fail (Checker    *self,
      const char *at,
      const char *format,
      ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  /* TRANSLATORS: %s says what is wrong with the JSON input, then where */
  g_set_error (self->error, TR_ERROR, TR_ERROR_INVALID_DATA, _("%s (line %u, column %u)"),
               reason, self->line, column_of (self, at));
  return FALSE;
}

/* "fields.travellers[2].name": the member or element the first @n_levels
 * levels lead to. Keys are shown on one line, without control characters. */
static char *
path_of (Checker *self,
         guint    n_levels)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < n_levels; i++)
    {
      Level *level = &g_array_index (self->stack, Level, i);

      if (!level->is_object)
        g_string_append_printf (path, "[%u]", level->index);
      else if (level->key != NULL)
        {
          g_autofree char *key = tr_text_clean (level->key, FALSE);

          g_string_append_printf (path, "%s%s", path->len > 0 ? "." : "", key);
        }
    }
  return g_string_free (path, FALSE);
}

/* A problem inside a string, said with the key it is under (a value) or
 * the object it is in (a key). */
static gboolean
fail_in_string (Checker    *self,
                const char *at,
                gboolean    in_key,
                const char *problem)
{
  g_autofree char *path = path_of (self, self->stack->len - (in_key ? 1 : 0));

  if (!in_key && path[0] != '\0')
    /* TRANSLATORS: “fields.title” contains a NUL character (\u0000) */
    return fail (self, at, _("“%s” contains %s"), path, problem);
  if (in_key && path[0] != '\0')
    /* TRANSLATORS: a key in “fields” contains a NUL character (\u0000) */
    return fail (self, at, _("A key in “%s” contains %s"), path, problem);
  if (in_key)
    return fail (self, at, _("A key contains %s"), problem);
  return fail (self, at, _("A string contains %s"), problem);
}

static void
skip_whitespace (Checker *self)
{
  for (; self->p < self->end; self->p++)
    {
      if (*self->p == '\n')
        {
          self->line++;
          self->line_start = self->p + 1;
        }
      else if (*self->p != ' ' && *self->p != '\t' && *self->p != '\r')
        break;
    }
}

/* What stands at the current position, where it has no place. */
static gboolean
fail_unexpected (Checker *self)
{
  gunichar c;

  if (self->p >= self->end)
    return fail (self, self->p, _("Not valid JSON: the input ends too early"));
  if (*self->p == '/')
    return fail (self, self->p, _("Not valid JSON: comments are not allowed"));
  if (*self->p == '\'')
    return fail (self, self->p, _("Not valid JSON: strings must be in double quotes"));

  /* GLib takes a NUL byte for a cut sequence. */
  if ((guchar) *self->p < 0x80)
    c = (guchar) *self->p;
  else
    c = g_utf8_get_char_validated (self->p, self->end - self->p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return fail (self, self->p, _("Not valid JSON: not valid UTF-8"));
  if (g_unichar_isgraph (c))
    {
      char text[8] = { 0 };

      g_unichar_to_utf8 (c, text);
      return fail (self, self->p, _("Not valid JSON: unexpected “%s”"), text);
    }
  return fail (self, self->p, _("Not valid JSON: unexpected character U+%04X"), c);
}

static gboolean
read_hex4 (const char *p,
           const char *end,
           gunichar   *out_value)
{
  gunichar value = 0;

  if (end - p < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + (gunichar) digit;
    }
  *out_value = value;
  return TRUE;
}

/* A \uXXXX escape, or two for a surrogate pair. */
static gboolean
read_unicode_escape (Checker  *self,
                     gboolean  in_key,
                     gunichar *out_char)
{
  const char *escape = self->p;
  gunichar c, low;

  if (!read_hex4 (self->p + 2, self->end, &c))
    return fail (self, escape, _("Not valid JSON: “\\u” must be followed by four hexadecimal digits"));
  self->p += 6;

  /* json-glib would end the string there, silently. */
  if (c == 0)
    return fail_in_string (self, escape, in_key, _("a NUL character (\\u0000)"));

  if (c >= 0xDC00 && c <= 0xDFFF)
    {
      g_autofree char *problem = g_strdup_printf (_("half of a surrogate pair (\\u%04X)"), c);

      return fail_in_string (self, escape, in_key, problem);
    }
  if (c >= 0xD800 && c <= 0xDBFF)
    {
      if (self->end - self->p < 6 || self->p[0] != '\\' || self->p[1] != 'u' ||
          !read_hex4 (self->p + 2, self->end, &low) || low < 0xDC00 || low > 0xDFFF)
        {
          g_autofree char *problem = g_strdup_printf (_("half of a surrogate pair (\\u%04X)"), c);

          return fail_in_string (self, escape, in_key, problem);
        }
      c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
      self->p += 6;
    }
  *out_char = c;
  return TRUE;
}

/* A string, from its opening quote; @decoded, if not NULL, gets its text. */
static gboolean
read_string (Checker  *self,
             GString  *decoded,
             gboolean  in_key)
{
  const char *start = self->p;

  self->p++;
  while (self->p < self->end && *self->p != '"')
    {
      guchar c = (guchar) *self->p;

      if (c == '\\')
        {
          static const char escapes[] = "\"\\/bfnrt";
          static const char meanings[] = "\"\\/\b\f\n\r\t";
          const char *escape;
          gunichar unicode = 0;

          if (self->end - self->p < 2)
            return fail (self, self->end, _("Not valid JSON: the input ends inside a string"));
          if (self->p[1] == 'u')
            {
              if (!read_unicode_escape (self, in_key, &unicode))
                return FALSE;
              if (decoded != NULL)
                g_string_append_unichar (decoded, unicode);
            }
          else if (self->p[1] != '\0' && (escape = strchr (escapes, self->p[1])) != NULL)
            {
              if (decoded != NULL)
                g_string_append_c (decoded, meanings[escape - escapes]);
              self->p += 2;
            }
          else
            {
              self->p++;
              return fail (self, self->p - 1, _("Not valid JSON: unknown escape “\\%s”"),
                           g_ascii_isgraph (*self->p) ? (char[]) { *self->p, '\0' } : "…");
            }
        }
      else if (c < 0x20)
        return fail (self, self->p,
                     _("Not valid JSON: a control character (U+%04X) in a string must be written as an escape"),
                     c);
      else if (c < 0x80)
        {
          if (decoded != NULL)
            g_string_append_c (decoded, (char) c);
          self->p++;
        }
      else
        {
          gunichar u = g_utf8_get_char_validated (self->p, self->end - self->p);
          int n_bytes = g_utf8_skip[c];

          if (u == (gunichar) -1 || u == (gunichar) -2)
            return fail (self, self->p, _("Not valid JSON: not valid UTF-8"));
          if (decoded != NULL)
            g_string_append_len (decoded, self->p, n_bytes);
          self->p += n_bytes;
        }

      if (decoded != NULL && decoded->len > self->limits->max_key_length)
        return fail (self, start, _("A key is longer than %u bytes"), self->limits->max_key_length);
    }

  if (self->p >= self->end)
    return fail (self, self->p, _("Not valid JSON: the input ends inside a string"));
  self->p++;
  return TRUE;
}

static gboolean
read_literal (Checker *self)
{
  static const char * const literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize length = strlen (literals[i]);

      if ((gsize) (self->end - self->p) >= length && memcmp (self->p, literals[i], length) == 0)
        {
          self->p += length;
          return TRUE;
        }
    }
  return fail_unexpected (self);
}

static gboolean
skip_digits (Checker *self)
{
  const char *start = self->p;

  while (self->p < self->end && g_ascii_isdigit (*self->p))
    self->p++;
  return self->p > start;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static gboolean
read_number (Checker *self)
{
  if (*self->p == '-')
    self->p++;
  if (self->p < self->end && *self->p == '0')
    self->p++;
  else if (!skip_digits (self))
    return fail_unexpected (self);

  if (self->p < self->end && *self->p == '.')
    {
      self->p++;
      if (!skip_digits (self))
        return fail_unexpected (self);
    }
  if (self->p < self->end && (*self->p == 'e' || *self->p == 'E'))
    {
      self->p++;
      if (self->p < self->end && (*self->p == '+' || *self->p == '-'))
        self->p++;
      if (!skip_digits (self))
        return fail_unexpected (self);
    }
  return TRUE;
}

/* A member's key and its colon; the value is next. */
static gboolean
read_key (Checker *self)
{
  Level *level = top_level (self);
  g_autoptr(GString) key = NULL;
  const char *start;
  char *owned_key;

  skip_whitespace (self);
  if (self->p >= self->end || *self->p != '"')
    return fail_unexpected (self);

  start = self->p;
  key = g_string_new (NULL);
  if (!read_string (self, key, TRUE))
    return FALSE;

  if (level->keys == NULL)
    level->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_contains (level->keys, key->str))
    {
      g_autofree char *path = path_of (self, self->stack->len - 1);
      g_autofree char *shown = tr_text_clean (key->str, FALSE);

      /* json-glib keeps the last: what came first would be lost. */
      if (path[0] != '\0')
        return fail (self, start, _("The key “%s” appears twice in “%s”"), shown, path);
      return fail (self, start, _("The key “%s” appears twice"), shown);
    }
  owned_key = g_string_free (g_steal_pointer (&key), FALSE);
  level->key = owned_key;
  g_hash_table_add (level->keys, owned_key);

  skip_whitespace (self);
  if (self->p >= self->end || *self->p != ':')
    return fail_unexpected (self);
  self->p++;
  return TRUE;
}

/* A value: a scalar whole, or the opening of an object or array. */
static gboolean
begin_value (Checker  *self,
             gboolean *out_opened)
{
  *out_opened = FALSE;
  skip_whitespace (self);

  if (++self->n_values > self->limits->max_values)
    return fail (self, self->p, _("The JSON input has more than %u values"),
                 self->limits->max_values);
  if (self->p >= self->end)
    return fail_unexpected (self);

  switch (*self->p)
    {
    case '{':
    case '[':
      {
        Level level = { .is_object = *self->p == '{' };

        if (self->stack->len >= self->limits->max_depth)
          return fail (self, self->p, _("The JSON input is nested more than %u levels deep"),
                       self->limits->max_depth);
        g_array_append_val (self->stack, level);
        self->p++;
        *out_opened = TRUE;
        return TRUE;
      }
    case '"':
      return read_string (self, NULL, FALSE);
    case 't':
    case 'f':
    case 'n':
      return read_literal (self);
    default:
      if (*self->p == '-' || g_ascii_isdigit (*self->p))
        return read_number (self);
      return fail_unexpected (self);
    }
}

/* After an object or array was opened: its end right away, or the first
 * key. FALSE on an error; @out_closed says which. */
static gboolean
begin_contents (Checker  *self,
                gboolean *out_closed)
{
  Level *level = top_level (self);

  skip_whitespace (self);
  *out_closed = self->p < self->end && *self->p == (level->is_object ? '}' : ']');
  if (*out_closed)
    {
      self->p++;
      pop_level (self);
      return TRUE;
    }
  return !level->is_object || read_key (self);
}

/* After a value: closes what ends there. TRUE with @out_done set when the
 * whole input is read; TRUE otherwise when the next value is due. */
static gboolean
end_value (Checker  *self,
           gboolean *out_done)
{
  *out_done = FALSE;
  for (;;)
    {
      Level *level;

      skip_whitespace (self);
      if (self->stack->len == 0)
        {
          if (self->p < self->end)
            return fail_unexpected (self);
          *out_done = TRUE;
          return TRUE;
        }

      level = top_level (self);
      if (self->p < self->end && *self->p == ',')
        {
          self->p++;
          if (level->is_object)
            return read_key (self);
          level->index++;
          return TRUE;
        }
      if (self->p < self->end && *self->p == (level->is_object ? '}' : ']'))
        {
          self->p++;
          pop_level (self);
          continue;
        }
      return fail_unexpected (self);
    }
}

gboolean
tr_json_check (const char          *data,
               gsize                length,
               const TrJsonLimits  *limits,
               GError             **error)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, TRUE, sizeof (Level));
  Checker self = {
    .p = data,
    .end = data + length,
    .line_start = data,
    .line = 1,
    .limits = limits,
    .stack = stack,
    .error = error,
  };
  gboolean ok = TRUE;
  gboolean done = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (limits != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_array_set_clear_func (stack, (GDestroyNotify) level_clear);

  skip_whitespace (&self);
  if (self.p >= self.end)
    {
      g_set_error_literal (error, TR_ERROR, TR_ERROR_INVALID_DATA, _("The JSON input is empty"));
      return FALSE;
    }

  while (ok && !done)
    {
      gboolean opened, closed = FALSE;

      ok = begin_value (&self, &opened);
      if (ok && opened)
        ok = begin_contents (&self, &closed);
      if (ok && (!opened || closed))
        ok = end_value (&self, &done);
    }
  return ok;
}
