/* tr-odt-private.h: the parts of an ODT package, shared by the exporter's files
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libxml/xmlwriter.h>

#include "tr-numbering.h"
#include "tr-comment.h"
#include "tr-report.h"
#include "tr-review.h"

G_BEGIN_DECLS

#define TR_ODT_MIMETYPE "application/vnd.oasis.opendocument.text"
#define TR_ODT_VERSION  "1.3"

/* One XML part being written into memory. A failed libxml2 call only marks
 * the part as failed: the builders write on, and tr_odt_xml_finish() reports
 * it once, which keeps them free of error plumbing. */
typedef struct {
  xmlBufferPtr     buffer;
  xmlTextWriterPtr writer;
  gboolean         failed;
} TrOdtXml;

/* The namespaces that office:document-* roots declare. */
typedef enum {
  TR_ODT_NS_OFFICE = 1 << 0,
  TR_ODT_NS_STYLE  = 1 << 1,
  TR_ODT_NS_TEXT   = 1 << 2,
  TR_ODT_NS_TABLE  = 1 << 3,
  TR_ODT_NS_FO     = 1 << 4,
  TR_ODT_NS_SVG    = 1 << 5,
  TR_ODT_NS_XLINK  = 1 << 6,
  TR_ODT_NS_DC     = 1 << 7,
  TR_ODT_NS_META   = 1 << 8,
  TR_ODT_NS_DRAW   = 1 << 9,
} TrOdtNamespaces;

void      tr_odt_xml_init      (TrOdtXml        *xml);
/* Ends the document and hands its bytes over; frees the writer either way. */
GBytes   *tr_odt_xml_finish    (TrOdtXml        *xml,
                                const char      *part_name,
                                GError         **error);
void      tr_odt_xml_clear     (TrOdtXml        *xml);

void      tr_odt_xml_start_root (TrOdtXml       *xml,
                                 const char     *name,
                                 TrOdtNamespaces namespaces);
void      tr_odt_xml_start     (TrOdtXml        *xml,
                                const char      *name);
void      tr_odt_xml_end       (TrOdtXml        *xml);
/* An attribute; @value is cleaned of what XML 1.0 forbids. */
void      tr_odt_xml_attr      (TrOdtXml        *xml,
                                const char      *name,
                                const char      *value);
void      tr_odt_xml_attr_printf (TrOdtXml      *xml,
                                  const char    *name,
                                  const char    *format,
                                  ...) G_GNUC_PRINTF (3, 4);
/* Plain character data (for meta.xml and the manifest), cleaned. */
void      tr_odt_xml_string    (TrOdtXml        *xml,
                                const char      *text);
/* Text inside a text:p or text:h: spaces, tabs and line breaks become
 * text:s, text:tab and text:line-break, which ODF needs to keep them. */
void      tr_odt_xml_odf_text  (TrOdtXml        *xml,
                                const char      *text);
/* An element with attributes given as NULL-terminated name, value pairs. */
void      tr_odt_xml_empty     (TrOdtXml        *xml,
                                const char      *name,
                                ...) G_GNUC_NULL_TERMINATED;

/* A table cell of @style spanning @columns and @rows; end_cell() closes it
 * and adds the cells it covers in its row. */
void      tr_odt_xml_start_cell (TrOdtXml       *xml,
                                 const char     *style,
                                 guint           columns,
                                 guint           rows);
void      tr_odt_xml_end_cell  (TrOdtXml        *xml,
                                guint            columns);

/* A copy of @text with what XML 1.0 cannot carry removed: invalid UTF-8,
 * control characters other than tab, line feed and carriage return, and
 * U+FFFE/U+FFFF. NULL when nothing needs removing. */
char     *tr_odt_clean_text    (const char      *text);

/* The paragraph style of a numbered line of @level (@item) or of a plain
 * paragraph under it; NONE gives the plain body style. */
const char *tr_odt_level_style (TrNumberingLevel level,
                                gboolean         item);

GBytes   *tr_odt_build_styles  (GError         **error);
/* @comments (TrComment, or NULL): the unresolved ones become annotations. */
GBytes   *tr_odt_build_content (TrReport        *report,
                                GPtrArray       *comments,
                                GError         **error);
GBytes   *tr_odt_build_review_form_content (TrReport  *report,
                                TrReview        *review,
                                GError         **error);
GBytes   *tr_odt_build_meta    (TrReport        *report,
                                GError         **error);

/* The appendix's photos (tr-odt-photos.c). */
guint     tr_odt_count_photos  (TrReport        *report);
/* Where photo number @index (from 0) goes in the package: Pictures/…. */
char     *tr_odt_photo_path    (TrPhoto         *photo,
                                guint            index);
/* The paragraph styles (styles.xml), then the table and frame ones (content.xml). */
void      tr_odt_write_photo_paragraph_styles (TrOdtXml *xml);
void      tr_odt_write_photo_styles (TrOdtXml   *xml);
/* The table of photos and captions; nothing when there are no photos. */
void      tr_odt_write_photos  (TrOdtXml        *xml,
                                TrReport        *report);

G_END_DECLS
