/* tr-odt-photos.c: the photos of the appendix in an exported report
 *
 * Photos go two to a row in a borderless table, each picture centred over
 * its caption 「照片 1：…」. A table (rather than floating frames) keeps
 * each caption under its own picture however LibreOffice or Word lays out
 * the page, and lets a row move whole to the next page. The files are
 * embedded unchanged under Pictures/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-odt-private.h"

#define PHOTOS_PER_ROW 2
/* The half of the 16 cm between the margins, less the cell padding; the
 * height keeps two rows and their captions on one A4 page. */
#define PHOTO_MAX_WIDTH_CM  7.6
#define PHOTO_MAX_HEIGHT_CM 8.0

guint
tr_odt_count_photos (TrReport *report)
{
  return g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_photos (report)));
}

char *
tr_odt_photo_path (TrPhoto *photo,
                   guint    index)
{
  return g_strdup_printf ("Pictures/photo-%03u.%s", index + 1, tr_photo_get_extension (photo));
}

/* Named styles, in styles.xml, so that people can restyle every picture
 * paragraph and caption at once. */
void
tr_odt_write_photo_paragraph_styles (TrOdtXml *xml)
{
  tr_odt_xml_start (xml, "style:style");
  tr_odt_xml_attr (xml, "style:name", "TrPhotoImage");
  tr_odt_xml_attr (xml, "style:display-name", "照片");
  tr_odt_xml_attr (xml, "style:family", "paragraph");
  tr_odt_xml_attr (xml, "style:parent-style-name", "TrBody");
  tr_odt_xml_empty (xml, "style:paragraph-properties",
                    "fo:text-align", "center",
                    "fo:text-indent", "0cm",
                    "fo:margin-left", "0cm",
                    "fo:margin-top", "0cm",
                    "fo:margin-bottom", "0cm",
                    "fo:keep-with-next", "always",
                    NULL);
  tr_odt_xml_end (xml);

  tr_odt_xml_start (xml, "style:style");
  tr_odt_xml_attr (xml, "style:name", "TrPhotoCaption");
  tr_odt_xml_attr (xml, "style:display-name", "照片說明");
  tr_odt_xml_attr (xml, "style:family", "paragraph");
  tr_odt_xml_attr (xml, "style:parent-style-name", "TrBody");
  tr_odt_xml_empty (xml, "style:paragraph-properties",
                    "fo:text-align", "center",
                    "fo:text-indent", "0cm",
                    "fo:margin-left", "0cm",
                    "fo:margin-top", "0.15cm",
                    "fo:margin-bottom", "0cm",
                    NULL);
  tr_odt_xml_empty (xml, "style:text-properties",
                    "fo:font-size", "12pt",
                    "style:font-size-asian", "12pt",
                    "style:font-size-complex", "12pt",
                    NULL);
  tr_odt_xml_end (xml);
}

void
tr_odt_write_photo_styles (TrOdtXml *xml)
{
  tr_odt_xml_start (xml, "style:style");
  tr_odt_xml_attr (xml, "style:name", "TrPhotos");
  tr_odt_xml_attr (xml, "style:family", "table");
  tr_odt_xml_empty (xml, "style:table-properties",
                    "style:width", "16cm",
                    "table:align", "margins",
                    "fo:margin-top", "0.3cm",
                    NULL);
  tr_odt_xml_end (xml);

  tr_odt_xml_start (xml, "style:style");
  tr_odt_xml_attr (xml, "style:name", "TrPhotos.A");
  tr_odt_xml_attr (xml, "style:family", "table-column");
  tr_odt_xml_empty (xml, "style:table-column-properties", "style:column-width", "8cm", NULL);
  tr_odt_xml_end (xml);

  /* A picture and its caption are not split across pages. */
  tr_odt_xml_start (xml, "style:style");
  tr_odt_xml_attr (xml, "style:name", "TrPhotosRow");
  tr_odt_xml_attr (xml, "style:family", "table-row");
  tr_odt_xml_empty (xml, "style:table-row-properties", "fo:keep-together", "always", NULL);
  tr_odt_xml_end (xml);

  tr_odt_xml_start (xml, "style:style");
  tr_odt_xml_attr (xml, "style:name", "TrPhotoCell");
  tr_odt_xml_attr (xml, "style:family", "table-cell");
  tr_odt_xml_empty (xml, "style:table-cell-properties",
                    "fo:padding", "0.2cm",
                    "fo:border", "none",
                    /* Captions of a row on one line, under pictures of any shape. */
                    "style:vertical-align", "bottom",
                    NULL);
  tr_odt_xml_end (xml);

  tr_odt_xml_start (xml, "style:style");
  tr_odt_xml_attr (xml, "style:name", "TrPhotoFrame");
  tr_odt_xml_attr (xml, "style:family", "graphic");
  tr_odt_xml_empty (xml, "style:graphic-properties",
                    "style:vertical-pos", "top",
                    "style:vertical-rel", "baseline",
                    "style:horizontal-pos", "center",
                    "style:horizontal-rel", "paragraph",
                    NULL);
  tr_odt_xml_end (xml);
}

/* The largest size within the cell that keeps the picture's shape. */
static void
photo_size_cm (TrPhoto *photo,
               double  *out_width,
               double  *out_height)
{
  double width = MAX (tr_photo_get_width (photo), 1);
  double height = MAX (tr_photo_get_height (photo), 1);
  double scale = MIN (PHOTO_MAX_WIDTH_CM / width, PHOTO_MAX_HEIGHT_CM / height);

  *out_width = width * scale;
  *out_height = height * scale;
}

static void
write_photo_cell (TrOdtXml *xml,
                  TrPhoto  *photo,
                  guint     index)
{
  g_autofree char *path = tr_odt_photo_path (photo, index);
  g_autofree char *label = g_strdup_printf ("照片 %u", index + 1);
  g_autofree char *caption = NULL;
  g_autofree char *width = NULL;
  g_autofree char *height = NULL;
  const char *text = tr_photo_get_caption (photo);
  double width_cm, height_cm;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  photo_size_cm (photo, &width_cm, &height_cm);
  width = g_strconcat (g_ascii_formatd (number, sizeof number, "%.3f", width_cm), "cm", NULL);
  height = g_strconcat (g_ascii_formatd (number, sizeof number, "%.3f", height_cm), "cm", NULL);
  caption = text[0] != '\0' ? g_strconcat (label, "：", text, NULL) : g_strdup (label);

  tr_odt_xml_start (xml, "table:table-cell");
  tr_odt_xml_attr (xml, "table:style-name", "TrPhotoCell");
  tr_odt_xml_attr (xml, "office:value-type", "string");

  tr_odt_xml_start (xml, "text:p");
  tr_odt_xml_attr (xml, "text:style-name", "TrPhotoImage");
  tr_odt_xml_start (xml, "draw:frame");
  tr_odt_xml_attr (xml, "draw:style-name", "TrPhotoFrame");
  tr_odt_xml_attr (xml, "draw:name", label);
  tr_odt_xml_attr (xml, "text:anchor-type", "as-char");
  tr_odt_xml_attr (xml, "svg:width", width);
  tr_odt_xml_attr (xml, "svg:height", height);
  tr_odt_xml_attr_printf (xml, "draw:z-index", "%u", index);
  tr_odt_xml_empty (xml, "draw:image",
                    "xlink:href", path,
                    "xlink:type", "simple",
                    "xlink:show", "embed",
                    "xlink:actuate", "onLoad",
                    NULL);
  /* The caption again as the picture's text alternative, for screen readers. */
  if (text[0] != '\0')
    {
      tr_odt_xml_start (xml, "svg:desc");
      tr_odt_xml_string (xml, text);
      tr_odt_xml_end (xml);
    }
  tr_odt_xml_end (xml);
  tr_odt_xml_end (xml);

  tr_odt_xml_start (xml, "text:p");
  tr_odt_xml_attr (xml, "text:style-name", "TrPhotoCaption");
  tr_odt_xml_odf_text (xml, caption);
  tr_odt_xml_end (xml);

  tr_odt_xml_end (xml);
}

void
tr_odt_write_photos (TrOdtXml *xml,
                     TrReport *report)
{
  GListModel *photos = G_LIST_MODEL (tr_report_get_photos (report));
  guint n_photos = g_list_model_get_n_items (photos);

  if (n_photos == 0)
    return;

  tr_odt_xml_start (xml, "table:table");
  tr_odt_xml_attr (xml, "table:name", "照片");
  tr_odt_xml_attr (xml, "table:style-name", "TrPhotos");
  tr_odt_xml_empty (xml, "table:table-column",
                    "table:style-name", "TrPhotos.A",
                    "table:number-columns-repeated", G_STRINGIFY (PHOTOS_PER_ROW),
                    NULL);

  for (guint i = 0; i < n_photos; i += PHOTOS_PER_ROW)
    {
      tr_odt_xml_start (xml, "table:table-row");
      tr_odt_xml_attr (xml, "table:style-name", "TrPhotosRow");
      for (guint j = i; j < i + PHOTOS_PER_ROW; j++)
        {
          if (j < n_photos)
            {
              g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, j);

              write_photo_cell (xml, photo, j);
            }
          else
            {
              /* An odd photo out: the row still has its two cells. */
              tr_odt_xml_start (xml, "table:table-cell");
              tr_odt_xml_attr (xml, "table:style-name", "TrPhotoCell");
              tr_odt_xml_empty (xml, "text:p", "text:style-name", "TrPhotoCaption", NULL);
              tr_odt_xml_end (xml);
            }
        }
      tr_odt_xml_end (xml);
    }

  tr_odt_xml_end (xml);
}
