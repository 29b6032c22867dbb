/**
 * Several gateway nodes sharing one database and one bucket: each node's identity and heartbeat, the
 * checks that keep nodes compatible (one master key), and the view System Admins get of them.
 */
package io.airlock.server.cluster;
