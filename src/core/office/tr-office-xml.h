/* tr-office-xml.h: a part of an office package parsed without trusting it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Parses @data, the part @part_name, with libxml2 held to its default
 * limits (no XML_PARSE_HUGE: a depth of 256, text nodes of 10 MB), no
 * network, no entity substitution, and no DTD at all: ODF and OOXML never
 * have one, and a DOCTYPE is where entity bombs and external entities
 * live, so one stops the parser before its first declaration. Errors are
 * TR_ERROR_INVALID_DATA with libxml2's first message on one line. */
xmlDoc     *tr_office_xml_parse    (GBytes     *data,
                                    const char *part_name,
                                    GError    **error);

/* TRUE when @node is the element @name in the namespace @ns. */
gboolean    tr_office_xml_is       (xmlNode    *node,
                                    const char *ns,
                                    const char *name);
/* The attribute @name in the namespace @ns, or NULL. */
char       *tr_office_xml_get_attr (xmlNode    *node,
                                    const char *ns,
                                    const char *name);
/* The text of @node and its descendants. */
char       *tr_office_xml_get_text (xmlNode    *node);

#define TR_NS_OFFICE   "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define TR_NS_TEXT     "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define TR_NS_TABLE    "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define TR_NS_DRAW     "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define TR_NS_META     "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define TR_NS_DC       "http://purl.org/dc/elements/1.1/"
#define TR_NS_XLINK    "http://www.w3.org/1999/xlink"
#define TR_NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
#define TR_NS_LOEXT    "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"
#define TR_NS_W        "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define TR_NS_CUSTOM   "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
#define TR_NS_VT       "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS
