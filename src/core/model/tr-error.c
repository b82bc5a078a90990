/* tr-error.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-error.h"

G_DEFINE_QUARK (tr-error-quark, tr_error)
