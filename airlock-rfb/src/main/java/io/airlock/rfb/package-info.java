/** Client side of the Remote Framebuffer protocol (RFC 6143) as Airlock speaks it to VNC servers. */
package io.airlock.rfb;
