/* tr-odt-photos.c: the photos of the appendix in an exported report
 *
 * Each picture is a frame anchored as a character, centred in its table
 * cell over its caption (the document puts them two to a row). The files
 * are embedded unchanged under Pictures/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-odt-private.h"

char *
tr_odt_photo_path (TrDocPhoto *photo)
{
  return g_strdup_printf ("Pictures/photo-%03u.%s", photo->number,
                          tr_photo_get_extension (photo->photo));
}

static char *
format_cm (double points)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (number, sizeof number, "%.3f", points / TR_DOC_PT_PER_CM);
  return g_strconcat (number, "cm", NULL);
}

void
tr_odt_write_photo (TrOdtXml   *xml,
                    TrDocPhoto *photo)
{
  g_autofree char *path = tr_odt_photo_path (photo);
  g_autofree char *label = g_strdup_printf ("照片 %u", photo->number);
  g_autofree char *width = format_cm (photo->width);
  g_autofree char *height = format_cm (photo->height);
  const char *caption = tr_photo_get_caption (photo->photo);

  tr_odt_xml_start (xml, "text:p");
  tr_odt_xml_attr (xml, "text:style-name", tr_odt_style_name (TR_DOC_STYLE_PHOTO));
  tr_odt_xml_start (xml, "draw:frame");
  tr_odt_xml_attr (xml, "draw:style-name", "TrPhotoFrame");
  tr_odt_xml_attr (xml, "draw:name", label);
  tr_odt_xml_attr (xml, "text:anchor-type", "as-char");
  tr_odt_xml_attr (xml, "svg:width", width);
  tr_odt_xml_attr (xml, "svg:height", height);
  tr_odt_xml_attr_printf (xml, "draw:z-index", "%u", photo->number - 1);
  tr_odt_xml_empty (xml, "draw:image",
                    "xlink:href", path,
                    "xlink:type", "simple",
                    "xlink:show", "embed",
                    "xlink:actuate", "onLoad",
                    NULL);
  /* The caption again as the picture's text alternative, for screen readers. */
  if (caption[0] != '\0')
    {
      tr_odt_xml_start (xml, "svg:desc");
      tr_odt_xml_string (xml, caption);
      tr_odt_xml_end (xml);
    }
  tr_odt_xml_end (xml);
  tr_odt_xml_end (xml);
}

void
tr_odt_write_photo_frame_style (TrOdtXml *xml)
{
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
