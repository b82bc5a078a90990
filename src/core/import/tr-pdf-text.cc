/* tr-pdf-text.cc: a page's text as poppler-glib gives it, read once
 *
 * Poppler-glib builds a page's text (poppler_page_get_text(), its boxes
 * and its font runs) with a TextOutputDev drawn by a Gfx made for the
 * page, and making a Gfx parses every font of the page again from the
 * file: for CJK fonts (their widths, their ToUnicode CMaps) that is half of
 * the time spent on the page, pdftotext's included. Here one Gfx draws
 * page after page, each page's resources pushed over the fonts made
 * before, so that a font is parsed once per document; each page still
 * gets a TextOutputDev of its own, and its text, boxes and runs are taken
 * from it exactly as poppler-glib's poppler-page.cc takes them.
 *
 * A page is drawn the plain way (poppler-glib's) when sharing could change
 * what it shows: a font entry that is not a reference, a name meaning
 * another font than on the pages before, optional content (its state
 * could outlive an unbalanced page), and a page whose text turns out to be
 * drawn with a font its own resources do not name.
 *
 * Poppler's core API is not stable from one release to the next: this
 * uses what tr-pdf-images.cc does, and the version checks of both are in
 * tr-poppler-core.hh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <Catalog.h>
#include <Gfx.h>
#include <GfxFont.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>
#include <TextOutputDev.h>

#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <glib/gi18n-lib.h>

#include "tr-error.h"
#include "tr-pdf-text.h"
#include "tr-poppler-core.hh"

/* Pages of so many sizes (portrait, landscape) keep their Gfx at once. */
#define MAX_CONTEXTS 2

namespace {

void
on_poppler_error (ErrorCategory,
                  Goffset,
                  const char *message)
{
  g_debug ("poppler: %s", message);
}

/* Draws to the TextOutputDev of the page being read; the Gfx that draws
 * outlives it. Between pages, to one that is thrown away. It answers and
 * forwards what TextOutputDev overrides of OutputDev, and notes a
 * character drawn in a font the page does not name. */
class Forwarder : public OutputDev
{
public:
  TextOutputDev                     *dev = nullptr;
  const std::map<std::string, Ref> *page_fonts = nullptr;
  bool                               foreign_font = false;

  Forwarder () : idle (nullptr, true, 0, false, false) { dev = &idle; }

  void
  begin_page (TextOutputDev                     *page_dev,
              const std::map<std::string, Ref> *fonts)
  {
    dev = page_dev;
    page_fonts = fonts;
    foreign_font = false;
    checked_font = nullptr;
  }

  /* Its last calls go to no page. */
  void
  drop (std::unique_ptr<Gfx> &gfx)
  {
    TextOutputDev *page_dev = dev;
    const std::map<std::string, Ref> *fonts = page_fonts;

    dev = &idle;
    page_fonts = nullptr;
    gfx.reset ();
    dev = page_dev;
    page_fonts = fonts;
  }

  void
  end_page ()
  {
    dev = &idle;
    page_fonts = nullptr;
    checked_font = nullptr;
  }

  bool upsideDown () override { return dev->upsideDown (); }
  bool useDrawChar () override { return dev->useDrawChar (); }
  bool interpretType3Chars () override { return dev->interpretType3Chars (); }
  bool needNonText () override { return dev->needNonText (); }
  bool needCharCount () override { return dev->needCharCount (); }
  void startPage (int pageNum, GfxState *state, XRef *xref) override { dev->startPage (pageNum, state, xref); }
  void endPage () override { dev->endPage (); }
  void restoreState (GfxState *state) override { dev->restoreState (state); }
  void updateFont (GfxState *state) override { dev->updateFont (state); }
  void beginString (GfxState *state, const GooString *s) override { dev->beginString (state, s); }
  void endString (GfxState *state) override { dev->endString (state); }
  void incCharCount (int nChars) override { dev->incCharCount (nChars); }
  void beginActualText (GfxState *state, const GooString *text) override { dev->beginActualText (state, text); }
  void endActualText (GfxState *state) override { dev->endActualText (state); }
  void stroke (GfxState *state) override { dev->stroke (state); }
  void fill (GfxState *state) override { dev->fill (state); }
  void eoFill (GfxState *state) override { dev->eoFill (state); }
  void processLink (AnnotLink *link) override { dev->processLink (link); }

  void
  drawChar (GfxState       *state,
            double          x,
            double          y,
            double          dx,
            double          dy,
            double          originX,
            double          originY,
            CharCode        c,
            int             nBytes,
            const Unicode  *u,
            int             uLen) override
  {
    check_font (state->getFont ().get ());
    dev->drawChar (state, x, y, dx, dy, originX, originY, c, nBytes, u, uLen);
  }

private:
  TextOutputDev  idle;
  const GfxFont *checked_font = nullptr;

  /* Made for a page before, the font must be the one this page names so:
   * else (a form's own font, a name the page lacks) the page is read
   * again the plain way. */
  void
  check_font (const GfxFont *font)
  {
    if (font == checked_font || font == nullptr || page_fonts == nullptr)
      return;
    checked_font = font;

    auto found = page_fonts->find (font->getTag ());
    if (found == page_fonts->end () || !(found->second == *font->getID ()))
      foreign_font = true;
  }
};

/* A Gfx that draws pages of one size, and the fonts it has made, by name. */
struct Context {
  std::unique_ptr<Gfx>       gfx;
  PDFRectangle               media_box;
  PDFRectangle               crop_box;
  int                        rotate = 0;
  std::map<std::string, Ref> fonts;
  guint64                    last_used = 0;
};

} // namespace

struct _TrPdfText {
  /* Poppler's global parameters live while a document needs them. */
  GlobalParamsIniter      params { on_poppler_error };
  GBytes                 *data = nullptr;
  std::unique_ptr<PDFDoc> document;
  bool                    share = false;
  /* Declared after the forwarder: their Gfx draw to it until they go. */
  Forwarder               forwarder;
  Context                 contexts[MAX_CONTEXTS];
  guint64                 clock = 0;
};

namespace {

/* The page's fonts by name, when each is a reference: what a shared Gfx
 * can stand for. */
bool
page_font_refs (Page                       *page,
                std::map<std::string, Ref> *fonts)
{
  Dict *resources = page->getResourceDict ();

  fonts->clear ();
  if (resources == nullptr)
    return true;

  Object font_dict = resources->lookup ("Font");

  if (font_dict.isNull ())
    return true;
  if (!font_dict.isDict ())
    return false;
  for (int i = 0; i < font_dict.dictGetLength (); i++)
    {
      const Object &value = font_dict.getDict ()->getValNF (i);

      if (!value.isRef ())
        return false;
      (*fonts)[font_dict.getDict ()->getKey (i)] = value.getRef ();
    }
  return true;
}

bool
same_box (const PDFRectangle *a,
          const PDFRectangle *b)
{
  return a->x1 == b->x1 && a->y1 == b->y1 && a->x2 == b->x2 && a->y2 == b->y2;
}

/* A Dict of @fonts' entries that @context has not made, and whether none
 * of the page's names means another font there. */
bool
new_fonts (const Context                    &context,
           const std::map<std::string, Ref> &fonts,
           XRef                             *xref,
           Object                           *out_dict)
{
  Dict *dict = nullptr;

  for (const auto &[name, ref] : fonts)
    {
      auto made = context.fonts.find (name);

      if (made != context.fonts.end ())
        {
          if (!(made->second == ref))
            {
              if (dict != nullptr)
                delete dict;
              return false;
            }
          continue;
        }
      if (dict == nullptr)
        dict = new Dict (xref);
      dict->add (name.c_str (), Object (ref));
    }
  *out_dict = dict != nullptr ? Object (dict) : tr_poppler_null_object ();
  return true;
}

/* The page's resources but its fonts, which the Gfx has. */
Object
resources_but_fonts (Page *page,
                     XRef *xref)
{
  Dict *resources = page->getResourceDict ();
  Dict *copy = new Dict (xref);

  for (int i = 0; resources != nullptr && i < resources->getLength (); i++)
    if (strcmp (resources->getKey (i), "Font") != 0)
      copy->add (resources->getKey (i), resources->getValNF (i).copy ());
  return Object (copy);
}

/* The context for @page's size: the least used one is made anew for it
 * when none has that size or its fonts' names clash. */
Context *
find_context (TrPdfText                        *self,
              Page                             *page,
              const std::map<std::string, Ref> &fonts,
              Object                           *out_new_fonts,
              bool                             *out_made)
{
  XRef *xref = self->document->getXRef ();
  Context *victim = nullptr;

  for (Context &context : self->contexts)
    {
      if (context.gfx == nullptr)
        {
          if (victim == nullptr || victim->gfx != nullptr)
            victim = &context;
          continue;
        }
      if (same_box (&context.media_box, page->getMediaBox ()) &&
          same_box (&context.crop_box, page->getCropBox ()) &&
          context.rotate == page->getRotate ())
        {
          if (new_fonts (context, fonts, xref, out_new_fonts))
            {
              *out_made = false;
              return &context;
            }
          /* A name that means another font now: this one starts over. */
          victim = &context;
          break;
        }
      if (victim == nullptr || (victim->gfx != nullptr && context.last_used < victim->last_used))
        victim = &context;
    }

  /* As Page::createGfx() makes poppler-glib's, with only fonts to start. */
  {
    Context &context = *victim;
    PDFRectangle box;
    bool crop = true;
    int rotate = page->getRotate ();
    Dict *base = new Dict (xref);
    Object base_object (base);

    self->forwarder.drop (context.gfx);
    context.fonts.clear ();
    if (rotate >= 360)
      rotate -= 360;
    else if (rotate < 0)
      rotate += 360;
    page->makeBox (72.0, 72.0, rotate, false, self->forwarder.upsideDown (), -1, -1, -1, -1, &box, &crop);
    if (!crop)
      crop = (box == *page->getCropBox ()) && self->forwarder.needClipToCropBox ();
    {
      Object fonts_dict;

      new_fonts (context, fonts, xref, &fonts_dict);
      if (!fonts_dict.isNull ())
        base->add ("Font", std::move (fonts_dict));
    }
    context.gfx = std::make_unique<Gfx> (self->document.get (), &self->forwarder, page->getNum (), base,
                                         72.0, 72.0, &box, crop ? page->getCropBox () : nullptr, rotate,
                                         nullptr, nullptr);
    context.media_box = *page->getMediaBox ();
    context.crop_box = *page->getCropBox ();
    context.rotate = page->getRotate ();
    context.fonts = fonts;
    *out_new_fonts = tr_poppler_null_object ();
    /* Its constructor started the page. */
    *out_made = true;
    return &context;
  }
}

/* Draws @page with a Gfx kept from page to page; FALSE when it has to be
 * drawn the plain way. */
bool
draw_shared (TrPdfText     *self,
             Page          *page,
             TextOutputDev *dev)
{
  XRef *xref = self->document->getXRef ();
  std::map<std::string, Ref> fonts;
  Object added_fonts;
  Context *context;
  bool made;

  if (!self->share || !page_font_refs (page, &fonts))
    return false;

  self->forwarder.begin_page (dev, &fonts);
  context = find_context (self, page, fonts, &added_fonts, &made);
  context->last_used = ++self->clock;

  if (!made)
    {
      GfxState *state = context->gfx->getState ();

      /* What Gfx's constructor tells the output device. */
      self->forwarder.startPage (page->getNum (), state, xref);
      self->forwarder.setDefaultCTM (state->getCTM ());
      self->forwarder.updateAll (state);
    }
  if (added_fonts.isDict ())
    {
      Dict *layer = new Dict (xref);
      Object layer_object (layer);

      /* Kept under the pages' resources as long as the Gfx. */
      for (int i = 0; i < added_fonts.dictGetLength (); i++)
        context->fonts[added_fonts.getDict ()->getKey (i)] = added_fonts.getDict ()->getValNF (i).getRef ();
      layer->add ("Font", std::move (added_fonts));
      context->gfx->pushResources (layer);
    }

  {
    Object resources = resources_but_fonts (page, xref);

    context->gfx->pushResources (resources.getDict ());
    page->display (context->gfx.get ());
    context->gfx->popResources ();
  }
  dev->endPage ();
  self->forwarder.end_page ();
  return !self->forwarder.foreign_font;
}

/* Poppler-glib's poppler_page_get_text_page(): the text is taken before
 * the Gfx goes, which ends the page of its output device once more. */
TextPage *
draw_plain (Page *page)
{
  TextOutputDev dev (nullptr, true, 0, false, false);
  Gfx *gfx = page->createGfx (&dev, 72.0, 72.0, 0, false, true, -1, -1, -1, -1, false, nullptr, nullptr);
  TextPage *text;

  page->display (gfx);
  dev.endPage ();
  text = dev.takeText ();
  delete gfx;
  return text;
}

char *
font_name_of (const TextWord *word,
              int             i)
{
  const GooString *name = word->getFontName (i);
  int n;

  if (name == nullptr || name->getLength () == 0)
    return g_strdup ("Default");
  /* A subset's name: capital letters and a '+' before it. */
  for (n = 0; n < name->getLength (); n++)
    if (name->getChar (n) < 'A' || name->getChar (n) > 'Z')
      break;
  if (n > 0 && n < name->getLength () && name->getChar (n) == '+')
    return g_strdup (name->c_str () + n + 1);
  return g_strdup (name->c_str ());
}

bool
same_attributes (const TextWord *a,
                 int             ai,
                 const TextWord *b,
                 int             bi)
{
  double ar, ag, ab, br, bg, bb;

  if (!a->getFontInfo (ai)->matches (b->getFontInfo (bi)) || a->getFontSize () != b->getFontSize () ||
      a->isUnderlined () != b->isUnderlined ())
    return false;
  a->getColor (&ar, &ag, &ab);
  b->getColor (&br, &bg, &bb);
  return ar == br && ag == bg && ab == bb;
}

void
clear_run (gpointer data)
{
  g_free (((TrPdfTextRun *) data)->font_name);
}

/* The boxes and runs of poppler_page_get_text_layout() and
 * poppler_page_get_text_attributes(), from one walk of the words. */
typedef std::vector<std::vector<const TextWordSelection *>> WordLines;

void
walk_words (const WordLines &word_list,
            TrPdfPageText   *out)
{
  int n_lines = (int) word_list.size ();
  gint64 n_rects = 0;
  guint offset = 0, attr_offset = 0;
  TrPdfRect *rect = nullptr;
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  TrPdfTextRun *run = nullptr;
  const TextWord *prev_word = nullptr;
  int prev_i = 0;

  n_rects += n_lines - 1;
  for (int i = 0; i < n_lines; i++)
    {
      const std::vector<const TextWordSelection *> *line = &word_list[i];

      n_rects += (gint64) line->size () - 1;
      for (std::size_t j = 0; j < line->size (); j++)
        {
          const TextWordSelection *word_sel = (*line)[j];

          n_rects += word_sel->getEnd () - word_sel->getBegin ();
          if (!word_sel->getWord ()->hasSpaceAfter () && j < line->size () - 1)
            n_rects--;
        }
    }
  n_rects = MAX (n_rects, 0);
  /* Room for what is written even if the count were short. */
  out->rects = g_new0 (TrPdfRect, n_rects + 2 * n_lines + 1);
  out->n_rects = (guint) n_rects;

  for (int i = 0; i < n_lines; i++)
    {
      const std::vector<const TextWordSelection *> *line = &word_list[i];

      for (std::size_t j = 0; j < line->size (); j++)
        {
          const TextWordSelection *word_sel = (*line)[j];
          const TextWord *word = word_sel->getWord ();
          int end = word_sel->getEnd ();
          bool space_after = word->hasSpaceAfter () && j < line->size () - 1;

          for (int k = word_sel->getBegin (); k < end; k++)
            {
              rect = out->rects + offset;
              word->getCharBBox (k, &rect->x1, &rect->y1, &rect->x2, &rect->y2);
              offset++;

              if (prev_word == nullptr || !same_attributes (word, k, prev_word, prev_i))
                {
                  TrPdfTextRun made = {};
                  double r, g, b;

                  made.start = (int) attr_offset;
                  made.font_name = font_name_of (word, k);
                  made.font_size = word->getFontSize ();
                  made.underlined = word->isUnderlined ();
                  word->getColor (&r, &g, &b);
                  made.red = (guint16) (int) (r * 65535. + 0.5);
                  made.green = (guint16) (int) (g * 65535. + 0.5);
                  made.blue = (guint16) (int) (b * 65535. + 0.5);
                  g_array_append_val (out->runs, made);
                  run = &g_array_index (out->runs, TrPdfTextRun, out->runs->len - 1);
                }
              run->end = (int) attr_offset;
              attr_offset++;
              prev_word = word;
              prev_i = k;
            }

          rect = out->rects + offset;
          word->getBBox (&x1, &y1, &x2, &y2);
          if (space_after)
            {
              double x3, y3, x4, y4;

              (*line)[j + 1]->getWord ()->getBBox (&x3, &y3, &x4, &y4);
              /* The space goes from one word to the next, as high as the first. */
              rect->x1 = x2;
              rect->y1 = y1;
              rect->x2 = x3;
              rect->y2 = y2;
              offset++;
              if (run != nullptr)
                run->end = (int) attr_offset;
              attr_offset++;
            }
        }

      if (i < n_lines - 1)
        {
          if (offset > 0 && rect != nullptr)
            {
              rect->x1 = x2;
              rect->y1 = y2;
              rect->x2 = x2;
              rect->y2 = y2;
              offset++;
            }
          if (run != nullptr)
            run->end = (int) attr_offset;
          attr_offset++;
        }
    }
}

/* The words of the whole page as poppler-glib selects them: until poppler
 * 24 or so, arrays of pointers to free; since, vectors that own them. */
template<typename P>
void
take_words (P             *text,
            TrPdfPageText *out)
{
  PDFRectangle selection (0, 0, out->width, out->height);
  WordLines lines;

  if constexpr (requires (P *page, const PDFRectangle *area, int *n) {
                  page->getSelectionWords (area, selectionStyleGlyph, n);
                })
    {
      int n_lines = 0;
      std::vector<TextWordSelection *> **word_list = text->getSelectionWords (&selection, selectionStyleGlyph, &n_lines);

      if (word_list == nullptr)
        return;
      for (int i = 0; i < n_lines; i++)
        lines.emplace_back (word_list[i]->begin (), word_list[i]->end ());
      walk_words (lines, out);
      for (int i = 0; i < n_lines; i++)
        {
          for (TextWordSelection *word : *word_list[i])
            delete word;
          delete word_list[i];
        }
      gfree (word_list);
    }
  else
    {
      auto word_list = text->getSelectionWords (&selection, selectionStyleGlyph);

      if (word_list.empty ())
        return;
      for (const auto &line : word_list)
        {
          lines.emplace_back ();
          for (const auto &word : line)
            lines.back ().push_back (word.get ());
        }
      walk_words (lines, out);
    }
}

/* poppler_page_get_text(): a GooString to free until poppler 24 or so. */
template<typename P>
char *
take_text (P             *text,
           TrPdfPageText *out)
{
  PDFRectangle selection (0, 0, out->width, out->height);
  auto selected = text->getSelectionText (&selection, selectionStyleGlyph);

  if constexpr (std::is_pointer_v<decltype (selected)>)
    {
      char *copy = g_strdup (selected->c_str ());

      delete selected;
      return copy;
    }
  else
    return g_strdup (selected.c_str ());
}


} // namespace

TrPdfText *
tr_pdf_text_new (GBytes      *data,
                 const char  *password,
                 GError     **error)
{
  TrPdfText *self;
  std::optional<GooString> latin1;

  g_return_val_if_fail (data != nullptr, nullptr);

  self = new TrPdfText ();
  self->data = g_bytes_ref (data);
  /* Passwords as poppler-glib tries them: in Latin-1, then as given. */
  if (password != nullptr)
    {
      g_autofree char *converted = g_convert (password, -1, "ISO-8859-1", "UTF-8", nullptr, nullptr, nullptr);

      latin1.emplace (converted != nullptr ? converted : "");
    }
  self->document = tr_poppler_open_document (data, latin1);
  if (!self->document->isOk () && self->document->getErrorCode () == errEncrypted && password != nullptr)
    self->document = tr_poppler_open_document (data, std::optional<GooString> (password));
  if (!self->document->isOk ())
    {
      g_autofree char *code = g_strdup_printf ("%d", self->document->getErrorCode ());

      g_set_error (error, TR_ERROR, TR_ERROR_PDF_DAMAGED, _("the PDF is damaged (%s)"), code);
      tr_pdf_text_free (self);
      return nullptr;
    }
  /* Marked content that hides optional content could outlive a page
   * that does not close it: such documents are read page by page. */
  self->share = self->document->getCatalog ()->getOptContentConfig () == nullptr;
  return self;
}

void
tr_pdf_text_free (TrPdfText *self)
{
  if (self == nullptr)
    return;
  self->forwarder.end_page ();
  for (Context &context : self->contexts)
    self->forwarder.drop (context.gfx);
  /* The document reads the bytes until it is gone. */
  self->document.reset ();
  g_bytes_unref (self->data);
  delete self;
}

guint
tr_pdf_text_get_n_pages (TrPdfText *self)
{
  g_return_val_if_fail (self != nullptr, 0);

  return (guint) MAX (self->document->getNumPages (), 0);
}

void
tr_pdf_text_read_page (TrPdfText     *self,
                       guint          index,
                       TrPdfPageText *out)
{
  Page *page;
  int rotate;

  g_return_if_fail (self != nullptr);
  g_return_if_fail (out != nullptr);

  memset (out, 0, sizeof *out);
  out->runs = g_array_new (FALSE, TRUE, sizeof (TrPdfTextRun));
  g_array_set_clear_func (out->runs, clear_run);
  if (index >= tr_pdf_text_get_n_pages (self))
    return;
  page = self->document->getPage ((int) index + 1);
  if (page == nullptr)
    return;

  /* poppler_page_get_size(). */
  rotate = page->getRotate ();
  if (rotate == 90 || rotate == 270)
    {
      out->width = page->getCropHeight ();
      out->height = page->getCropWidth ();
    }
  else
    {
      out->width = page->getCropWidth ();
      out->height = page->getCropHeight ();
    }

  {
    auto dev = std::make_unique<TextOutputDev> (nullptr, true, 0, false, false);
    TextPage *text;

    if (draw_shared (self, page, dev.get ()))
      text = dev->takeText ();
    else
      text = draw_plain (page);
    out->text = take_text (text, out);
    take_words (text, out);
    text->decRefCnt ();
  }
}

void
tr_pdf_page_text_clear (TrPdfPageText *page)
{
  g_clear_pointer (&page->text, g_free);
  g_clear_pointer (&page->rects, g_free);
  g_clear_pointer (&page->runs, g_array_unref);
  page->n_rects = 0;
}
