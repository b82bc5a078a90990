/* tr-parser.c
 *
 * From laid-out lines to a report, in passes:
 *   1. tr-parser-document: clean the lines and measure the layout;
 *   2. tr-parser-furniture: leave out running headers, footers, page numbers;
 *   3. tr-parser-toc: set the 目次 aside;
 *   4. tr-parser-outline: find the lines that may be headings and the
 *      numbering of the document's sections;
 *   5. tr-parser-tables: find the rows of aligned cells that make tables;
 *   6. here: walk the lines in order, deciding with what came before which
 *      candidates really open a part (the 提要 form, the 摘要, one of the
 *      four sections, the appendix), reading the form's lines into fields
 *      (tr-parser-form) and joining the others into paragraphs
 *      (tr-parser-joiner) in the part they belong to.
 * Nothing but furniture is dropped: a heading goes only when its words are
 * all heading (the section it names is the information), and a document
 * where fewer than two of the four sections were found keeps all of its
 * text, in order, as unclassified.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tr-parser.h"
#include "tr-parser-document.h"
#include "tr-parser-form.h"
#include "tr-parser-furniture.h"
#include "tr-parser-joiner.h"
#include "tr-parser-notes.h"
#include "tr-parser-outline.h"
#include "tr-parser-tables.h"
#include "tr-parser-text.h"
#include "tr-parser-title.h"
#include "tr-parser-toc.h"

/* A report shows its structure when at least this many of the four
 * sections have headings. */
#define MIN_SECTIONS_FOUND 2

typedef enum {
  PART_FRONT,        /* the cover and what is not recognised before the body */
  PART_FORM,         /* the 提要 form */
  PART_SUMMARY,      /* the 摘要 */
  PART_FRONT_OTHER,  /* 出國人員名單 and the like */
  PART_BODY,         /* one of the four sections */
  PART_APPENDIX,     /* 附錄, 附件, 照片 … to the end */
} Part;

/* A paragraph, or a line the structure stands for (a heading, a label of
 * the form): those count only when the document turns out to have no
 * structure and all its text goes to unclassified. */
typedef struct {
  TrField  field;
  GString *text;        /* a table's plain text, for a flat document */
  gboolean structural;
  gboolean in_form;     /* the 提要 form's 內容摘要, not the 摘要 page */
  TrTable *table;       /* NULL for a paragraph */
} Chunk;

typedef struct {
  TrParserDocument *document;
  TrParserOutline  *outline;
  TrParsedReport   *report;
  TrFormReader     *form;
  GArray           *chunks;
  GArray           *tables;          /* of TrParserTable */
  guint             next_table;      /* the first that does not start before the line read */

  Part              part;
  TrSection         section;
  gboolean          combined;        /* in 心得與建議 */
  gboolean          combined_split;  /* … and it had 一、心得 / 二、建議 */
  char             *combined_heading;
  gboolean          found[TR_N_SECTIONS];
  gboolean          in_body;         /* a section has started */
  gboolean          summary_in_form; /* the summary being read is the form's */
  guint             top_value;       /* the number of the last section heading */
  gboolean          heading_look_known; /* how the section headings are set */
  double            heading_font_size;
  gboolean          heading_bold;

  int               open_chunk;      /* the paragraph the next line may continue */
  int               open_line;       /* … whose last line this is */
  /* Lines of the form no label claimed, since the last one read: the
   * first of them and its paragraph (-1: none). */
  int               loose_line;
  int               loose_chunk;
  int               summary_label_line; /* where the form's summary started, -1 until then */
  guint             n_incomplete_form_lines;
  guint             n_toc_lines;
  int               appendix_line;   /* the appendix's heading, -1 until one */

  /* Footnotes, and the field each one's marker went to. */
  GArray           *notes;           /* of TrParserNote */
  TrField          *note_fields;

  /* The lines before anything else (the cover), where the title is when
   * no form gives it, and the paragraph each went to (-1: none). */
  gboolean          front_done;
  GArray           *front_lines;     /* of TrFrontLine */
  GArray           *front_chunks;    /* of int */
} Parser;

static void
clear_chunk (gpointer data)
{
  Chunk *chunk = data;

  g_string_free (chunk->text, TRUE);
  g_clear_object (&chunk->table);
}

static TrParserLine *
line_at (Parser *self,
         int     index)
{
  return tr_parser_document_get (self->document, index);
}

static TrField
part_field (Parser *self)
{
  switch (self->part)
    {
    case PART_SUMMARY:
      return TR_FIELD_SUMMARY;
    case PART_BODY:
      return TR_FIELD_FROM_SECTION (self->section);
    case PART_APPENDIX:
      return TR_FIELD_APPENDIX;
    case PART_FRONT:
    case PART_FORM:
    case PART_FRONT_OTHER:
    default:
      return TR_FIELD_UNCLASSIFIED;
    }
}

/* Starts a paragraph; @last_line (or -1) is the line the next one may
 * continue. */
static void
add_chunk (Parser     *self,
           TrField     field,
           const char *text,
           gboolean    structural,
           int         last_line)
{
  Chunk chunk = { field, g_string_new (text), structural,
                  field == TR_FIELD_SUMMARY && self->summary_in_form, NULL };

  g_array_append_val (self->chunks, chunk);
  self->open_chunk = last_line >= 0 ? (int) self->chunks->len - 1 : -1;
  self->open_line = last_line;
}

/* Adds @text, line @index's or the end of it, to @field: to the open
 * paragraph when the layout says the line carries it on, else as a
 * paragraph of its own. */
static void
add_line_text (Parser     *self,
               TrField     field,
               int         index,
               const char *text)
{
  TrParserLine *line = line_at (self, index);

  for (guint n = 0; n < self->notes->len; n++)
    if (g_array_index (self->notes, TrParserNote, n).marker_line == index)
      self->note_fields[n] = field;

  if (self->open_chunk >= 0 &&
      g_array_index (self->chunks, Chunk, self->open_chunk).field == field &&
      self->open_line == tr_parser_document_prev_content (self->document, index) &&
      tr_parser_lines_continue (self->document, line_at (self, self->open_line), line))
    {
      tr_parser_append_continuation (g_array_index (self->chunks, Chunk, self->open_chunk).text, text);
      self->open_line = index;
      return;
    }
  add_chunk (self, field, text, FALSE, index);
}

static void
add_text_line (Parser *self,
               TrField field,
               int     index)
{
  add_line_text (self, field, index, line_at (self, index)->text);
}

/* With a 內容摘要 label vertically centred beside a summary of several
 * lines, the summary's first lines come before the label's, alone in the
 * value's column: the lines no label claimed right above the label's line
 * @index, one under the other and as far right as its value, start the
 * summary. TRUE when they did (the summary's paragraph is open). */
static gboolean
take_summary_lines_above (Parser *self,
                          int     index)
{
  TrParserLine *label = line_at (self, index);
  double value_left, font;

  if (self->loose_line < 0 || self->loose_chunk < 0 || (guint) self->loose_chunk >= self->chunks->len ||
      !label->placed)
    return FALSE;
  font = MAX (label->font_size, 1.0);
  /* Where the value's cell starts: after the label's tab, or where the
   * lines above start, well right of the label. */
  if (label->n_cells >= 2 && label->cell_x != NULL)
    value_left = label->cell_x[1];
  else
    value_left = line_at (self, self->loose_line)->left;
  if (value_left < label->left + 2 * font)
    return FALSE;

  for (int j = self->loose_line; j >= 0 && j < index; j = tr_parser_document_next_content (self->document, j))
    {
      TrParserLine *line = line_at (self, j);
      int next = tr_parser_document_next_content (self->document, j);

      if (line->role != TR_LINE_TEXT || line->n_cells > 1 || fabs (line->left - value_left) > 2.5 * font ||
          line->left < value_left - 0.5 * font || next < 0 ||
          !tr_parser_lines_adjacent (self->document, line, line_at (self, next)))
        return FALSE;
    }

  for (guint c = self->loose_chunk; c < self->chunks->len; c++)
    {
      Chunk *chunk = &g_array_index (self->chunks, Chunk, c);

      if (chunk->table != NULL)
        return FALSE;
    }
  for (guint c = self->loose_chunk; c < self->chunks->len; c++)
    {
      Chunk *chunk = &g_array_index (self->chunks, Chunk, c);

      chunk->field = TR_FIELD_SUMMARY;
      chunk->in_form = TRUE;
      chunk->structural = FALSE;
    }
  self->open_chunk = (int) self->chunks->len - 1;
  return TRUE;
}

/* The table starting at line @index, if one does and the part may hold
 * tables (the 提要 form is a grid too, but of fields). */
static const TrParserTable *
table_at (Parser *self,
          int     index)
{
  while (self->next_table < self->tables->len &&
         g_array_index (self->tables, TrParserTable, self->next_table).first_line < index)
    self->next_table++;
  if (self->next_table == self->tables->len || (self->part != PART_BODY && self->part != PART_APPENDIX))
    return NULL;
  if (g_array_index (self->tables, TrParserTable, self->next_table).first_line != index)
    return NULL;
  return &g_array_index (self->tables, TrParserTable, self->next_table);
}

/* Adds @found to @field as a table: its caption line, read as the
 * paragraph before it, is the table's now. */
static void
add_table (Parser              *self,
           TrField              field,
           const TrParserTable *found)
{
  Chunk *chunk;

  if (found->caption_line >= 0)
    {
      Chunk *last = self->chunks->len > 0 ? &g_array_index (self->chunks, Chunk, self->chunks->len - 1) : NULL;

      if (last != NULL && last->field == field && last->table == NULL && self->open_line == found->caption_line &&
          g_str_equal (last->text->str, line_at (self, found->caption_line)->text))
        g_array_remove_index (self->chunks, self->chunks->len - 1);
      else
        tr_table_set_caption (found->table, NULL);
    }
  for (guint n = 0; n < self->notes->len; n++)
    {
      int marker = g_array_index (self->notes, TrParserNote, n).marker_line;

      if (marker >= found->first_line && marker <= found->last_line)
        self->note_fields[n] = field;
    }

  add_chunk (self, field, NULL, FALSE, -1);
  chunk = &g_array_index (self->chunks, Chunk, self->chunks->len - 1);
  chunk->table = g_object_ref (found->table);
  tr_table_append_plain_text (chunk->table, chunk->text);
}

/* What a heading candidate turns out to be, given where we are. */
typedef enum {
  OPENS_NOTHING,
  OPENS_SECTION,
  OPENS_COMBINED,
  OPENS_SPLIT,      /* 一、心得 / 二、建議 inside 心得與建議 */
  OPENS_SUMMARY,
  OPENS_FORM,
  OPENS_FRONT_OTHER,
  OPENS_APPENDIX,
  OPENS_SIBLING,    /* a heading of the sections' rank, but not one of them */
  OPENS_GENERIC,    /* a minor heading: a line of its own */
} Opens;

static gboolean
numbered_below_top (Parser                   *self,
                    const TrHeadingCandidate *candidate)
{
  return candidate->heading.number != TR_HEADING_NUMBER_NONE && !candidate->top_level;
}

/* A heading of the same rank as the sections': the next number in their
 * style ("伍、其他"), or set as they are (or larger than the body before
 * any was seen). A bold sub-heading inside a section is not one. */
static gboolean
is_sibling (Parser                   *self,
            const TrHeadingCandidate *candidate)
{
  if (candidate->top_level)
    return candidate->heading.number_value == self->top_value + 1;
  if (numbered_below_top (self, candidate) || !candidate->standalone)
    return FALSE;
  if (!self->heading_look_known)
    return candidate->large;
  return candidate->styled && candidate->bold == self->heading_bold &&
         ABS (candidate->font_size - self->heading_font_size) < 0.5;
}

/* A bare heading is a line of nothing but a heading's words: a sentence
 * that wrapped leaves no such line, as it would end in punctuation; a
 * table cell has others beside it. */
static gboolean
is_bare_heading (const TrHeadingCandidate *candidate)
{
  return candidate->heading.number == TR_HEADING_NUMBER_NONE && candidate->heading.exact &&
         candidate->heading.rest == NULL && !candidate->in_row;
}

static Opens
decide_section (Parser                   *self,
                const TrHeadingCandidate *candidate)
{
  const TrHeading *heading = &candidate->heading;
  TrSection section = heading->kind == TR_HEADING_COMBINED ? TR_SECTION_OBSERVATIONS : heading->section;

  /* Inside 心得與建議 its sub-headings split it, whatever their numbering. */
  if (self->part == PART_BODY && self->combined && heading->kind == TR_HEADING_SECTION &&
      (section == TR_SECTION_OBSERVATIONS || section == TR_SECTION_RECOMMENDATIONS) &&
      (heading->exact || candidate->standalone))
    return OPENS_SPLIT;

  if (heading->conclusion || self->part == PART_APPENDIX || numbered_below_top (self, candidate))
    return OPENS_NOTHING;

  if (heading->number == TR_HEADING_NUMBER_NONE)
    {
      gboolean forward = !self->in_body || section > self->section;

      /* Set as a heading, the words may say more than the vocabulary's
       * ("出國目的及任務"): then the section must come later. */
      if (is_bare_heading (candidate) || (candidate->styled && heading->exact) ||
          (candidate->styled && candidate->standalone && forward))
        return heading->kind == TR_HEADING_COMBINED ? OPENS_COMBINED : OPENS_SECTION;
      return OPENS_NOTHING;
    }

  /* Numbered like the sections. A heading with more words than the
   * vocabulary's ("貳、過程概要") must move forward, in number and in
   * section. */
  if (!heading->exact &&
      (heading->number_value <= self->top_value || (self->in_body && section <= self->section)))
    return OPENS_NOTHING;
  return heading->kind == TR_HEADING_COMBINED ? OPENS_COMBINED : OPENS_SECTION;
}

static Opens
decide (Parser                   *self,
        const TrHeadingCandidate *candidate)
{
  const TrHeading *heading = &candidate->heading;
  gboolean heading_like = candidate->top_level || is_bare_heading (candidate) || candidate->styled ||
                          (heading->number == TR_HEADING_NUMBER_NONE && heading->exact && candidate->standalone);

  switch (heading->kind)
    {
    case TR_HEADING_SECTION:
    case TR_HEADING_COMBINED:
      return decide_section (self, candidate);

    case TR_HEADING_SUMMARY:
      return !self->in_body && heading->exact && heading_like && !numbered_below_top (self, candidate)
             ? OPENS_SUMMARY : OPENS_NOTHING;

    case TR_HEADING_FORM:
      /* The form's title alone at the top of a page starts it, whatever
       * the cover's last line was. */
      return !self->in_body && (candidate->standalone || (candidate->page_start && heading->exact))
             ? OPENS_FORM : OPENS_NOTHING;

    case TR_HEADING_TOC:
    case TR_HEADING_FRONT:
      return !self->in_body && heading->exact && heading->rest == NULL && heading_like &&
             !numbered_below_top (self, candidate) ? OPENS_FRONT_OTHER : OPENS_NOTHING;

    case TR_HEADING_BACK:
      if (!self->in_body || self->part == PART_APPENDIX || numbered_below_top (self, candidate))
        return OPENS_NOTHING;
      if (candidate->top_level || is_bare_heading (candidate) || is_sibling (self, candidate))
        return OPENS_APPENDIX;
      /* "附件一", "附錄 2：議程" alone on a line; not "照片 1：…", a caption. */
      if (heading->number == TR_HEADING_NUMBER_NONE && candidate->standalone &&
          g_str_has_prefix (tr_parser_skip_spaces (candidate->text), "附"))
        return OPENS_APPENDIX;
      return OPENS_NOTHING;

    case TR_HEADING_NONE:
    default:
      if (is_sibling (self, candidate))
        return OPENS_SIBLING;
      if (candidate->styled && candidate->standalone)
        return OPENS_GENERIC;
      return OPENS_NOTHING;
    }
}

/* The heading's own line goes when the structure says all it said. */
static void
add_heading (Parser                   *self,
             const TrHeadingCandidate *candidate,
             int                       last_line,
             gboolean                  consumed)
{
  TrField field = part_field (self);

  if (field == TR_FIELD_APPENDIX && self->appendix_line < 0)
    self->appendix_line = last_line;
  add_chunk (self, field, candidate->text, consumed, -1);
  /* "目的：本次出國…": the text after the colon opens the section. */
  if (consumed && candidate->heading.rest != NULL)
    {
      Chunk *chunk = &g_array_index (self->chunks, Chunk, self->chunks->len - 1);
      gsize heading_length = candidate->heading.rest - candidate->text;

      g_string_truncate (chunk->text, heading_length);
      add_chunk (self, field, candidate->heading.rest, FALSE, last_line);
    }
}

/* Remembers how section headings look, to know their siblings. */
static void
learn_heading_look (Parser                   *self,
                    const TrHeadingCandidate *candidate)
{
  if (self->heading_look_known || !candidate->styled)
    return;
  self->heading_look_known = TRUE;
  self->heading_font_size = candidate->font_size;
  self->heading_bold = candidate->bold;
}

static void
open_section (Parser    *self,
              TrSection  section)
{
  self->part = PART_BODY;
  self->section = section;
  self->found[section] = TRUE;
  self->in_body = TRUE;
}

static void
handle_heading (Parser                   *self,
                const TrHeadingCandidate *candidate,
                Opens                     opens,
                int                       last_line)
{
  const TrHeading *heading = &candidate->heading;
  gboolean exact = heading->exact;

  if (candidate->top_level && opens != OPENS_SPLIT)
    self->top_value = MAX (self->top_value, heading->number_value);

  switch (opens)
    {
    case OPENS_SECTION:
      learn_heading_look (self, candidate);
      open_section (self, heading->section);
      self->combined = FALSE;
      add_heading (self, candidate, last_line, exact);
      break;

    case OPENS_COMBINED:
      learn_heading_look (self, candidate);
      open_section (self, TR_SECTION_OBSERVATIONS);
      self->combined = TRUE;
      self->combined_split = FALSE;
      g_free (self->combined_heading);
      self->combined_heading = tr_parser_trim (candidate->text);
      add_heading (self, candidate, last_line, exact);
      break;

    case OPENS_SPLIT:
      open_section (self, heading->section);
      self->combined_split = TRUE;
      add_heading (self, candidate, last_line, exact);
      break;

    case OPENS_SUMMARY:
      /* 「內容摘要」 in the form, or the 摘要 page. */
      self->summary_in_form = self->part == PART_FORM;
      self->part = PART_SUMMARY;
      add_heading (self, candidate, last_line, exact);
      break;

    case OPENS_FORM:
      self->part = PART_FORM;
      tr_form_reader_interrupt (self->form);
      add_heading (self, candidate, last_line, TRUE);
      break;

    case OPENS_FRONT_OTHER:
      self->part = PART_FRONT_OTHER;
      tr_form_reader_interrupt (self->form);
      add_heading (self, candidate, last_line, FALSE);
      break;

    case OPENS_APPENDIX:
      self->part = PART_APPENDIX;
      add_heading (self, candidate, last_line, exact && heading->rest == NULL);
      break;

    case OPENS_SIBLING:
      /* After 建議 whatever comes is back matter; after the 摘要, front. */
      if (self->part == PART_BODY && self->section == TR_SECTION_RECOMMENDATIONS)
        self->part = PART_APPENDIX;
      else if (self->part == PART_SUMMARY)
        self->part = PART_FRONT;
      add_heading (self, candidate, last_line, FALSE);
      break;

    case OPENS_GENERIC:
      add_heading (self, candidate, last_line, FALSE);
      break;

    case OPENS_NOTHING:
    default:
      break;
    }
}

/* A line before the body: maybe a line of the 提要 form or the cover. */
static gboolean
handle_front_line (Parser *self,
                   int     index)
{
  TrParserLine *line = line_at (self, index);
  int prev = tr_parser_document_prev_content (self->document, index);
  TrFormFlags flags = self->part == PART_FORM ? TR_FORM_IN_FORM : 0;
  gboolean complete = TRUE;
  const char *rest = NULL;

  if (prev >= 0 && line_at (self, prev)->role == TR_LINE_TEXT)
    {
      if (tr_parser_lines_continue (self->document, line_at (self, prev), line))
        flags |= TR_FORM_CONTINUES;
      if (tr_parser_lines_adjacent (self->document, line_at (self, prev), line))
        flags |= TR_FORM_ADJACENT;
    }

  switch (tr_form_reader_read_line (self->form, line->text, flags, &complete, &rest))
    {
    case TR_FORM_LINE_READ:
      /* Kept as text as well when part of it could not be stored. */
      add_chunk (self, TR_FIELD_UNCLASSIFIED, line->text, complete, -1);
      if (!complete)
        self->n_incomplete_form_lines++;
      self->loose_line = -1;
      return TRUE;

    case TR_FORM_LINE_SUMMARY:
      {
        g_autofree char *label = g_strndup (line->text, rest - line->text);
        gboolean above = self->part == PART_FORM && take_summary_lines_above (self, index);
        int open = self->open_chunk;

        self->part = PART_SUMMARY;
        self->summary_in_form = TRUE;
        self->summary_label_line = index;
        self->loose_line = -1;
        add_chunk (self, TR_FIELD_UNCLASSIFIED, label, complete, -1);
        if (*rest == '\0')
          return TRUE;
        /* The label's line goes on with the summary's lines above it,
         * unless they ended a sentence. */
        if (above && !tr_parser_ends_sentence (g_array_index (self->chunks, Chunk, open).text->str))
          {
            tr_parser_append_continuation (g_array_index (self->chunks, Chunk, open).text, rest);
            self->open_chunk = open;
            self->open_line = index;
          }
        else
          add_chunk (self, TR_FIELD_SUMMARY, rest, FALSE, index);
        return TRUE;
      }

    case TR_FORM_LINE_NONE:
    default:
      return FALSE;
    }
}

static void
add_front_line (Parser   *self,
                int       index,
                gboolean  labelled,
                int       chunk)
{
  TrFrontLine line = { (guint) index, labelled, FALSE };

  if (self->front_done)
    return;
  g_array_append_val (self->front_lines, line);
  g_array_append_val (self->front_chunks, chunk);
}

static void
walk (Parser *self)
{
  for (int i = tr_parser_document_next_content (self->document, -1); i >= 0;
       i = tr_parser_document_next_content (self->document, i))
    {
      TrParserLine *line = line_at (self, i);
      TrHeadingCandidate *candidate = self->outline->candidates[i];
      Opens opens = OPENS_NOTHING;

      if (self->part != PART_FRONT || self->in_body)
        self->front_done = TRUE;

      if (line->role == TR_LINE_TOC)
        {
          add_chunk (self, TR_FIELD_UNCLASSIFIED, line->text, FALSE, -1);
          self->n_toc_lines++;
          continue;
        }

      if (candidate != NULL)
        opens = decide (self, candidate);

      /* Before the body, labelled lines are the form's ("出國人員：…"),
       * even when set in bold like a heading; inside the form, a label
       * alone on its line (出國人員, centred beside the travellers' rows)
       * is not the heading of a front part of that name. */
      if ((opens == OPENS_NOTHING || opens == OPENS_GENERIC || opens == OPENS_SIBLING ||
           (opens == OPENS_FRONT_OTHER && self->part == PART_FORM)) &&
          !self->in_body && self->part != PART_SUMMARY && handle_front_line (self, i))
        {
          add_front_line (self, i, TRUE, -1);
          continue;
        }

      if (opens != OPENS_NOTHING)
        {
          int last_line = i;

          for (guint n = 1; n < candidate->n_lines && last_line >= 0; n++)
            last_line = tr_parser_document_next_content (self->document, last_line);
          if (last_line < 0)
            last_line = i;
          self->loose_line = -1;
          handle_heading (self, candidate, opens, last_line);
          if (self->part == PART_FRONT)
            for (int j = i; j >= 0 && j <= last_line; j = tr_parser_document_next_content (self->document, j))
              add_front_line (self, j, FALSE, (int) self->chunks->len - 1);
          i = last_line;
          continue;
        }

      {
        const TrParserTable *table = table_at (self, i);

        if (table != NULL)
          {
            add_table (self, part_field (self), table);
            i = table->last_line;
            continue;
          }
      }

      /* The end of a 內容摘要 label that wrapped beside the summary. */
      if (self->part == PART_SUMMARY && self->summary_in_form && self->summary_label_line >= 0)
        {
          gboolean after_label = tr_parser_document_prev_content (self->document, i) == self->summary_label_line;
          const char *text = after_label ? tr_form_reader_skip_label_end (self->form, line->text) : line->text;

          self->summary_label_line = -1;
          if (*text == '\0')
            continue;
          if (text != line->text)
            {
              add_line_text (self, TR_FIELD_SUMMARY, i, text);
              continue;
            }
        }

      if (self->part == PART_FORM && self->loose_line < 0)
        {
          self->loose_line = i;
          self->loose_chunk = (int) self->chunks->len;
        }
      add_text_line (self, part_field (self), i);
      if (self->part == PART_FRONT)
        add_front_line (self, i, FALSE, self->open_chunk);
    }
}

/* The paragraphs of the front matter that hold nothing but the title
 * become structure: the title field carries them now. */
static void
drop_title_lines (Parser *self)
{
  for (guint i = 0; i < self->front_lines->len; i++)
    {
      int chunk = g_array_index (self->front_chunks, int, i);
      gboolean all_used = TRUE;

      if (!g_array_index (self->front_lines, TrFrontLine, i).used || chunk < 0)
        continue;
      for (guint j = 0; j < self->front_lines->len; j++)
        if (g_array_index (self->front_chunks, int, j) == chunk &&
            !g_array_index (self->front_lines, TrFrontLine, j).used)
          all_used = FALSE;
      if (all_used)
        g_array_index (self->chunks, Chunk, chunk).structural = TRUE;
    }
}

/* Without a 提要 form the title is on the cover, or in a running header. */
static void
find_title (Parser *self)
{
  g_autofree char *title = NULL;

  if (tr_parsed_report_get_text (self->report, TR_FIELD_TITLE)[0] != '\0')
    return;
  title = tr_parser_find_cover_title (self->document, (TrFrontLine *) self->front_lines->data,
                                      self->front_lines->len);
  if (title != NULL)
    drop_title_lines (self);
  else
    title = tr_parser_find_header_title (self->document);
  if (title != NULL)
    tr_parsed_report_set_text (self->report, TR_FIELD_TITLE, title);
}

static guint
count_found (Parser *self)
{
  guint count = 0;

  for (guint s = 0; s < TR_N_SECTIONS; s++)
    count += self->found[s];
  return count;
}

/* The text of @field: its paragraphs, one per line. With @flat, every
 * chunk in order, structural ones too. */
static char *
assemble (Parser  *self,
          TrField  field,
          gboolean flat)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->chunks->len; i++)
    {
      Chunk *chunk = &g_array_index (self->chunks, Chunk, i);

      if (!flat && (chunk->field != field || chunk->structural))
        continue;
      if (chunk->text->len == 0)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_len (text, chunk->text->str, chunk->text->len);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The text and tables of @field, or NULL when it has no table. */
static TrBody *
assemble_body (Parser  *self,
               TrField  field)
{
  g_autoptr(TrBody) body = NULL;
  gboolean any = FALSE;

  for (guint i = 0; i < self->chunks->len && !any; i++)
    {
      Chunk *chunk = &g_array_index (self->chunks, Chunk, i);

      any = chunk->field == field && chunk->table != NULL;
    }
  if (!any)
    return NULL;

  body = tr_body_new ();
  for (guint i = 0; i < self->chunks->len; i++)
    {
      Chunk *chunk = &g_array_index (self->chunks, Chunk, i);

      if (chunk->field != field || chunk->structural || (chunk->table == NULL && chunk->text->len == 0))
        continue;
      if (chunk->table != NULL && tr_body_get_n_tables (body) < TR_BODY_MAX_TABLES)
        tr_body_append_table (body, chunk->table);
      else
        tr_body_append_text (body, chunk->text->str);
    }
  return g_steal_pointer (&body);
}

/* The text of the summary chunks from the form (@in_form) or the 摘要
 * page, without whitespace: line breaks and spaces differ between them. */
static char *
compact_summary (Parser   *self,
                 gboolean  in_form)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->chunks->len; i++)
    {
      Chunk *chunk = &g_array_index (self->chunks, Chunk, i);

      if (chunk->field == TR_FIELD_SUMMARY && !chunk->structural && chunk->in_form == in_form)
        {
          g_autofree char *compact = tr_parser_compact (chunk->text->str);

          g_string_append (text, compact);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Many documents carry the summary twice, in the form's 內容摘要 cell and
 * on the 摘要 page: one copy is enough when the form's says nothing the
 * page does not (it may be cut short to fit its cell). The page's wins. */
static void
drop_form_summary_copy (Parser *self)
{
  g_autofree char *form = compact_summary (self, TRUE);
  g_autofree char *page = compact_summary (self, FALSE);
  static const char * const ellipses[] = { "……", "…", "⋯", "...", "。。。" };

  if (*form == '\0' || *page == '\0')
    return;
  for (guint i = 0; i < G_N_ELEMENTS (ellipses); i++)
    if (g_str_has_suffix (form, ellipses[i]))
      {
        form[strlen (form) - strlen (ellipses[i])] = '\0';
        break;
      }
  if (*form == '\0' || !g_str_has_prefix (page, form))
    return;

  for (guint i = 0; i < self->chunks->len; i++)
    {
      Chunk *chunk = &g_array_index (self->chunks, Chunk, i);

      if (chunk->field == TR_FIELD_SUMMARY && chunk->in_form)
        g_string_truncate (chunk->text, 0);
    }
}

static void
warn_missing_sections (Parser *self)
{
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;

  for (guint s = 0; s < TR_N_SECTIONS; s++)
    {
      /* An unsplit 心得與建議 has its own warning. */
      if (s == TR_SECTION_RECOMMENDATIONS && self->combined_heading != NULL && !self->combined_split)
        continue;
      if (!self->found[s])
        g_strv_builder_add (missing, tr_field_get_key (TR_FIELD_FROM_SECTION (s)));
    }
  keys = g_strv_builder_end (missing);
  if (keys[0] == NULL)
    return;
  tr_parsed_report_add_warning_code (self->report, TR_WARNING_SECTIONS_MISSING, (const char * const *) keys);
}

/* Warning @code with one argument, or none. */
static void
add_warning (TrParsedReport *report,
             TrWarningCode   code,
             const char     *arg)
{
  const char *args[] = { arg, NULL };

  tr_parsed_report_add_warning_code (report, code, args);
}

static void
finish (Parser  *self,
        guint    n_furniture,
        gboolean has_text)
{
  gboolean structured = count_found (self) >= MIN_SECTIONS_FOUND;
  TrParsedReport *report = self->report;

  tr_form_reader_finish (self->form);
  find_title (self);

  if (structured)
    {
      static const TrField fields[] = {
        TR_FIELD_SUMMARY, TR_FIELD_PURPOSE, TR_FIELD_PROCESS, TR_FIELD_OBSERVATIONS,
        TR_FIELD_RECOMMENDATIONS, TR_FIELD_APPENDIX, TR_FIELD_UNCLASSIFIED,
      };

      drop_form_summary_copy (self);
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          g_autoptr(TrBody) body = tr_field_holds_tables (fields[i]) ? assemble_body (self, fields[i]) : NULL;
          g_autofree char *text = NULL;

          if (body != NULL)
            {
              tr_parsed_report_set_body (report, fields[i], body);
              continue;
            }
          text = assemble (self, fields[i], FALSE);
          tr_parsed_report_set_text (report, fields[i], text);
        }
    }
  else
    {
      g_autofree char *text = assemble (self, TR_FIELD_UNCLASSIFIED, TRUE);

      tr_parsed_report_set_text (report, TR_FIELD_UNCLASSIFIED, text);
    }

  /* Codes, worded when shown (tr-warning.h). */
  if (!has_text)
    add_warning (report, TR_WARNING_NO_TEXT, NULL);
  else if (!structured)
    add_warning (report, TR_WARNING_NO_STRUCTURE, NULL);
  else
    {
      warn_missing_sections (self);
      if (self->combined_heading != NULL && !self->combined_split)
        add_warning (report, TR_WARNING_COMBINED_NOT_SPLIT, self->combined_heading);
      if (self->n_toc_lines > 0)
        add_warning (report, TR_WARNING_TOC_UNCLASSIFIED, NULL);
    }

  if (self->n_incomplete_form_lines > 0)
    {
      g_autofree char *n = g_strdup_printf ("%u", self->n_incomplete_form_lines);

      add_warning (report, TR_WARNING_FORM_LINES_INCOMPLETE, n);
    }

  if (n_furniture > 0)
    {
      g_autofree char *n = g_strdup_printf ("%u", n_furniture);

      add_warning (report, TR_WARNING_FURNITURE_LEFT_OUT, n);
    }
}

TrParsedReport *
tr_parser_parse_lines (GPtrArray *lines,
                       guint      n_pages)
{
  g_autoptr(TrParserDocument) document = tr_parser_document_new (lines);
  g_autoptr(TrParserOutline) outline = NULL;
  g_autoptr(TrFormReader) form = NULL;
  TrParsedReport *report = tr_parsed_report_new ();
  Parser parser = { 0 };
  guint n_furniture;

  n_furniture = tr_parser_mark_furniture (document);
  parser.notes = tr_parser_find_notes (document);
  parser.note_fields = g_new (TrField, MAX (parser.notes->len, 1));
  for (guint n = 0; n < parser.notes->len; n++)
    parser.note_fields[n] = TR_FIELD_UNCLASSIFIED;
  tr_parser_mark_toc (document);
  outline = tr_parser_outline_new (document);
  parser.tables = tr_parser_find_tables (document);
  form = tr_form_reader_new (report);

  parser.document = document;
  parser.outline = outline;
  parser.report = report;
  parser.form = form;
  parser.chunks = g_array_new (FALSE, FALSE, sizeof (Chunk));
  g_array_set_clear_func (parser.chunks, clear_chunk);
  parser.part = PART_FRONT;
  parser.open_chunk = -1;
  parser.open_line = -1;
  parser.loose_line = -1;
  parser.loose_chunk = -1;
  parser.summary_label_line = -1;
  parser.appendix_line = -1;
  parser.front_lines = g_array_new (FALSE, FALSE, sizeof (TrFrontLine));
  parser.front_chunks = g_array_new (FALSE, FALSE, sizeof (int));

  walk (&parser);
  /* Each note at the end of the section its marker is in. */
  for (guint n = 0; n < parser.notes->len; n++)
    add_chunk (&parser, parser.note_fields[n], g_array_index (parser.notes, TrParserNote, n).text, FALSE, -1);
  finish (&parser, n_furniture, document->lines->len > n_furniture);

  if (report->pages == 0 && n_pages > 0)
    report->pages = n_pages;

  if (parser.appendix_line >= 0 && tr_parsed_report_get_text (report, TR_FIELD_APPENDIX)[0] != '\0')
    report->appendix_page = tr_parser_document_get (document, (guint) parser.appendix_line)->page;

  g_array_unref (parser.chunks);
  g_array_unref (parser.tables);
  g_array_unref (parser.notes);
  g_free (parser.note_fields);
  g_array_unref (parser.front_lines);
  g_array_unref (parser.front_chunks);
  g_free (parser.combined_heading);
  return report;
}

/* The characters of a line that say what it is: without whitespace, and
 * without what the parser's cleaning turns into whitespace. */
static char *
caption_key (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *key = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!tr_parser_is_space (c) && !g_unichar_iscntrl (c) && c != 0xFFFD)
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

guint
tr_parser_remove_caption_lines (const char          *appendix,
                                const char * const  *caption_lines,
                                char               **out_appendix)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) only_line = NULL;  /* key → 1 + the index of the only line with it, or 0 */
  g_autofree gboolean *removed = NULL;
  g_autofree gboolean *used = NULL;  /* the caption lines that went */
  g_auto(GStrv) keys = NULL;
  g_autoptr(GString) text = NULL;
  guint n_lines, n_captions, n_removed = 0;

  g_return_val_if_fail (appendix != NULL, 0);
  g_return_val_if_fail (out_appendix != NULL, 0);

  *out_appendix = NULL;
  if (caption_lines == NULL || caption_lines[0] == NULL)
    return 0;

  lines = g_strsplit (appendix, "\n", -1);
  n_lines = g_strv_length (lines);
  only_line = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n_lines; i++)
    {
      char *key = caption_key (lines[i]);

      /* Two lines alike: which one is under the picture is not known. */
      if (g_hash_table_contains (only_line, key))
        g_hash_table_insert (only_line, key, GUINT_TO_POINTER (0));
      else
        g_hash_table_insert (only_line, key, GUINT_TO_POINTER (i + 1));
    }
  removed = g_new0 (gboolean, n_lines);
  n_captions = g_strv_length ((char **) caption_lines);
  keys = g_new0 (char *, n_captions + 1);
  used = g_new0 (gboolean, MAX (n_captions, 1));

  for (guint c = 0; c < n_captions; c++)
    {
      guint match;

      keys[c] = caption_key (caption_lines[c]);
      match = GPOINTER_TO_UINT (g_hash_table_lookup (only_line, keys[c]));
      if (keys[c][0] != '\0' && match > 0 && !removed[match - 1])
        {
          removed[match - 1] = TRUE;
          used[c] = TRUE;
          n_removed++;
        }
    }

  /* The lines of a caption that wrapped carry on one another: the parser
   * joined them into one paragraph, which goes when it reads as caption
   * lines that follow one another, whole. */
  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *key = removed[i] ? NULL : caption_key (lines[i]);
      gsize length = key != NULL ? strlen (key) : 0;

      for (guint c = 0; length > 0 && c < n_captions; c++)
        {
          gsize offset = 0;
          guint end = c;

          while (end < n_captions && !used[end] && keys[end][0] != '\0' && offset < length &&
                 strncmp (key + offset, keys[end], strlen (keys[end])) == 0)
            offset += strlen (keys[end++]);
          if (offset != length || end - c < 2)
            continue;
          for (guint k = c; k < end; k++)
            used[k] = TRUE;
          removed[i] = TRUE;
          n_removed++;
          break;
        }
    }
  if (n_removed == 0)
    return 0;

  text = g_string_new (NULL);
  for (guint i = 0, n_kept = 0; i < n_lines; i++)
    {
      if (removed[i])
        continue;
      if (n_kept++ > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, lines[i]);
    }
  *out_appendix = g_string_free (g_steal_pointer (&text), FALSE);
  return n_removed;
}

TrParsedReport *
tr_parser_parse_text (const char *text)
{
  g_autoptr(GPtrArray) lines = NULL;

  g_autofree char *valid = NULL;

  g_return_val_if_fail (text != NULL, tr_parser_parse_lines (NULL, 0));

  /* Splitting text into lines measures it in characters: only valid UTF-8. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  lines = tr_layout_lines_from_text (text);
  return tr_parser_parse_lines (lines, 0);
}
