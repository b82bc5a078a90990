/* tr-body-section-editor.h: one of the four fixed sections of the body
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-report.h"
#include "tr-section-editor.h"

G_BEGIN_DECLS

#define TR_TYPE_BODY_SECTION_EDITOR (tr_body_section_editor_get_type ())
G_DECLARE_FINAL_TYPE (TrBodySectionEditor, tr_body_section_editor, TR, BODY_SECTION_EDITOR, TrSectionEditor)

GtkWidget *tr_body_section_editor_new         (TrSection            section);
TrSection  tr_body_section_editor_get_section (TrBodySectionEditor *self);

G_END_DECLS
