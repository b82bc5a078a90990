/* tr-parser-notes.c
 *
 * A word processor sets a footnote at the foot of the page its marker is
 * on, in a smaller size, under the body text. Left where it stands the
 * note would cut a paragraph that goes on to the next page in two, or
 * land in the next section. So notes are taken out of the flow: the
 * marker is taken out of the text (a report has no footnotes of its
 * own; a "1" left after 「機制。」 would read as part of the text), and the
 * note, without its marker, becomes a paragraph at the end of the
 * section its marker is in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-parser-notes.h"

#include <string.h>

#include "tr-parser-text.h"

/* A note is set at least this much smaller than the body text, and is
 * at most so many lines. */
#define NOTE_SMALLER_POINTS 1.0
#define MAX_NOTE_LINES      6
#define MAX_MARKER_DIGITS   3

/* The length in bytes of the marker @text opens with, or 0. */
static gsize
marker_length (const char *text)
{
  const char *p = text;
  guint n_digits = 0;

  if (g_str_has_prefix (p, "註"))
    p += strlen ("註");
  while (g_ascii_isdigit (*p) && n_digits <= MAX_MARKER_DIGITS)
    p++, n_digits++;
  if (n_digits > 0 && (*p == '.' || *p == ')'))
    p++;
  if (n_digits == 0)
    {
      gunichar c = g_utf8_get_char (p);

      /* ①…⑳, or an asterisk. */
      if ((c >= 0x2460 && c <= 0x2473) || c == '*' || c == 0xFF0A)
        p = g_utf8_next_char (p);
    }
  if (p == text || n_digits > MAX_MARKER_DIGITS || *p == '\0' || g_ascii_isdigit (*p))
    return 0;
  return (gsize) (p - text);
}

/* Where @marker stands in @text as a note's marker: right after text that
 * is not a number or a Latin word, and not followed by a digit; the last
 * such place, or NULL. */
static const char *
find_marker (const char *text,
             const char *marker,
             gsize       length)
{
  const char *found = NULL;

  for (const char *p = strstr (text, marker); p != NULL; p = strstr (p + 1, marker))
    {
      const char *before = p > text ? g_utf8_find_prev_char (text, p) : NULL;
      gunichar c = before != NULL ? g_utf8_get_char (before) : 0;

      if (c == 0 || g_unichar_isspace (c) || (c < 0x2E80 && g_unichar_isalnum (c)) || g_ascii_isdigit (p[length]))
        continue;
      found = p;
    }
  return found;
}

static gboolean
is_small (TrParserDocument   *document,
          const TrParserLine *line)
{
  return line->font_size > 0 && line->font_size <= document->body_font_size - NOTE_SMALLER_POINTS;
}

/* The note whose first line is @first and last @last; its marker taken
 * out of the text before it, on its page or the one before. */
static void
take_note (TrParserDocument *document,
           guint             first,
           guint             last,
           GArray           *notes)
{
  TrParserLine *line = tr_parser_document_get (document, first);
  gsize length = marker_length (line->text);
  g_autofree char *marker = g_strndup (line->text, length);
  gsize marker_bytes = length;
  g_autoptr(GString) text = g_string_new (tr_parser_skip_spaces (line->text + length));
  TrParserNote note = { NULL, -1 };

  const char *number = marker;

  /* In the text the marker is the number alone: 「機制。1」 for 「註1.」. */
  while (marker_bytes > 0 && (marker[marker_bytes - 1] == '.' || marker[marker_bytes - 1] == ')'))
    marker[--marker_bytes] = '\0';
  if (g_str_has_prefix (number, "註"))
    number += strlen ("註");
  length = strlen (number);
  if (length == 0)
    return;
  for (guint i = first; i <= last; i++)
    {
      TrParserLine *part = tr_parser_document_get (document, i);

      if (i > first)
        tr_parser_append_continuation (text, part->text);
      part->role = TR_LINE_NOTE;
    }

  for (int i = tr_parser_document_prev_content (document, (int) first); i >= 0;
       i = tr_parser_document_prev_content (document, i))
    {
      TrParserLine *before = tr_parser_document_get (document, (guint) i);
      const char *at;

      if (before->page + 1 < line->page)
        break;
      at = find_marker (before->text, number, length);
      if (at != NULL)
        {
          memmove ((char *) at, at + length, strlen (at + length) + 1);
          note.marker_line = i;
          break;
        }
    }

  /* Small lines numbered at a page's foot whose numbers are nowhere in
   * the text are no notes (a table's rows, say): left in the flow. */
  if (note.marker_line < 0)
    {
      for (guint i = first; i <= last; i++)
        tr_parser_document_get (document, i)->role = TR_LINE_TEXT;
      return;
    }
  note.text = g_string_free (g_steal_pointer (&text), FALSE);
  g_array_append_val (notes, note);
}

static void
clear_note (gpointer data)
{
  TrParserNote *note = data;

  g_free (note->text);
}

/* Whether a line of page @page before line @before ends with the number
 * @marker opens with, right after the end of a sentence or clause
 * (「機制。1」): where a note set as large as the text is marked. */
static gboolean
marker_ends_a_line (TrParserDocument *document,
                    guint             start,
                    guint             before,
                    const char       *marker)
{
  gsize length = 0;

  while (g_ascii_isdigit (marker[length]))
    length++;
  if (length == 0)
    return FALSE;
  for (guint i = start; i < before; i++)
    {
      const TrParserLine *line = tr_parser_document_get (document, i);
      gsize text_length = strlen (line->text);
      const char *at, *prev;

      if (line->role != TR_LINE_TEXT || text_length <= length)
        continue;
      at = line->text + text_length - length;
      if (strncmp (at, marker, length) != 0)
        continue;
      prev = g_utf8_find_prev_char (line->text, at);
      if (prev != NULL && g_utf8_strchr ("。，；：」）", -1, g_utf8_get_char (prev)) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* A note set as large as the text (pandoc's DOCX): the last lines of the
 * page from one that opens with a number, a blank line or more under the
 * text, that number ending a sentence of the text above. FALSE when the
 * page has none. */
static gboolean
find_same_size_note (TrParserDocument *document,
                     guint             start,
                     guint             end,
                     guint            *out_first,
                     guint            *out_last)
{
  guint last = end;

  while (last > start && tr_parser_document_get (document, last - 1)->role == TR_LINE_FURNITURE)
    last--;
  if (last == start)
    return FALSE;
  last--;
  for (guint first = last; first > start && last - first < MAX_NOTE_LINES; first--)
    {
      const TrParserLine *line = tr_parser_document_get (document, first);
      const TrParserLine *above = tr_parser_document_get (document, first - 1);

      if (line->role != TR_LINE_TEXT)
        return FALSE;
      if (marker_length (line->text) == 0 || g_str_has_prefix (line->text, "註"))
        continue;
      if (!line->placed || !above->placed || above->role != TR_LINE_TEXT || document->leading <= 0 ||
          line->y - above->y < 1.6 * document->leading ||
          !marker_ends_a_line (document, start, first, line->text))
        return FALSE;
      *out_first = first;
      *out_last = last;
      return TRUE;
    }
  return FALSE;
}

GArray *
tr_parser_find_notes (TrParserDocument *document)
{
  GArray *notes = g_array_new (FALSE, FALSE, sizeof (TrParserNote));

  g_array_set_clear_func (notes, clear_note);
  for (guint end = 0; end < document->lines->len;)
    {
      guint page = tr_parser_document_get (document, end)->page;
      guint start = end, first, last = G_MAXUINT;

      while (end < document->lines->len && tr_parser_document_get (document, end)->page == page)
        end++;

      /* The smaller lines at the foot of the page, under the furniture. */
      first = end;
      for (guint i = end; i > start; i--)
        {
          const TrParserLine *line = tr_parser_document_get (document, i - 1);

          if (line->role == TR_LINE_FURNITURE)
            continue;
          if (!is_small (document, line))
            break;
          first = i - 1;
          if (last == G_MAXUINT)
            last = i - 1;
        }
      if (last == G_MAXUINT && !find_same_size_note (document, start, end, &first, &last))
        continue;
      if (first == start || last - first + 1 > MAX_NOTE_LINES)
        continue;

      /* Each note opens with its marker; lines without one go on the
       * note before them. */
      for (guint i = first; i <= last;)
        {
          guint note_end = i;

          if (marker_length (tr_parser_document_get (document, i)->text) == 0)
            break;
          while (note_end + 1 <= last && tr_parser_document_get (document, note_end + 1)->role != TR_LINE_FURNITURE &&
                 marker_length (tr_parser_document_get (document, note_end + 1)->text) == 0)
            note_end++;
          take_note (document, i, note_end, notes);
          i = note_end + 1;
          while (i <= last && tr_parser_document_get (document, i)->role == TR_LINE_FURNITURE)
            i++;
        }
    }
  return notes;
}
