/* tr-odt-private.h: the parts of an ODT package, shared by the exporter's files
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libxml/xmlwriter.h>

#include "tr-document.h"

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

/* The identity and structure of the report an export carries, so that the
 * file can come back (tr-office-document.h reads them): the ID and the
 * revision as user-defined properties of meta.xml, which LibreOffice and
 * Word keep when they save the file, and the JSON forms as parts of the
 * package, which they do not. */
typedef struct {
  const char *report_id;
  gint64      revision;
  GBytes     *report_json;  /* TripReports/report.json */
  GBytes     *review_json;  /* TripReports/review.json, or NULL */
} TrOdtExchange;

#define TR_ODT_REPORT_PART   "TripReports/report.json"
#define TR_ODT_REVIEW_PART   "TripReports/review.json"

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

/* Styles (tr-odt-styles.c). */
/* The name of the paragraph style of @role. */
const char *tr_odt_style_name  (TrDocStyle       role);
/* "28pt", "113.386pt". */
char     *tr_odt_format_length (double           points);
/* The review form's paragraph styles among @used, as automatic styles. */
void      tr_odt_write_automatic_paragraph_styles (TrOdtXml   *xml,
                                                   const char *typeface,
                                                   const gboolean used[TR_DOC_N_STYLES]);

GBytes   *tr_odt_build_styles  (TrDocument      *document,
                                GError         **error);
/* The document's comments become annotations over their passages. */
GBytes   *tr_odt_build_content (TrDocument      *document,
                                GError         **error);
/* What makes an export able to come back (tr-odt-package.h); NULL for
 * none. */
GBytes   *tr_odt_build_meta    (TrDocument      *document,
                                const TrOdtExchange *exchange,
                                GError         **error);

/* The appendix's photos (tr-odt-photos.c). */
/* Where photo number @number (from 1) goes in the package: Pictures/…. */
char     *tr_odt_photo_path    (TrDocPhoto      *photo);
/* The picture of a cell, in a paragraph of its own. */
void      tr_odt_write_photo   (TrOdtXml        *xml,
                                TrDocPhoto      *photo);
/* The graphic style of their frames, an automatic style. */
void      tr_odt_write_photo_frame_style (TrOdtXml *xml);

G_END_DECLS
