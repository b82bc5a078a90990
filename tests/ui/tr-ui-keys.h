/* tr-ui-keys.h: keys typed as the X server delivers them (XTest), through
 * GDK and the window's and widgets' controllers, for the UI tests that
 * need a key's whole path (shortcuts, key bindings, focus moves)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>

#include "tr-ui-test.h"

/* @keysym pressed and released in @window (a GtkWindow) with @modifiers
 * (GDK_CONTROL_MASK, GDK_SHIFT_MASK) held, then @settle_ms of the main
 * loop for what the key set off. */
static inline void
send_x_key (gpointer        window,
            guint           keysym,
            GdkModifierType modifiers,
            guint           settle_ms)
{
  Display *display = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));
  KeyCode control = XKeysymToKeycode (display, XK_Control_L);
  KeyCode shift = XKeysymToKeycode (display, XK_Shift_L);
  KeyCode code = XKeysymToKeycode (display, keysym);

  /* No window manager under Xvfb hands out the focus. */
  XSetInputFocus (display, xid, RevertToParent, CurrentTime);
  if (modifiers & GDK_CONTROL_MASK)
    XTestFakeKeyEvent (display, control, True, CurrentTime);
  if (modifiers & GDK_SHIFT_MASK)
    XTestFakeKeyEvent (display, shift, True, CurrentTime);
  XTestFakeKeyEvent (display, code, True, CurrentTime);
  XTestFakeKeyEvent (display, code, False, CurrentTime);
  if (modifiers & GDK_SHIFT_MASK)
    XTestFakeKeyEvent (display, shift, False, CurrentTime);
  if (modifiers & GDK_CONTROL_MASK)
    XTestFakeKeyEvent (display, control, False, CurrentTime);
  XSync (display, False);
  wait_ms (settle_ms);
}
