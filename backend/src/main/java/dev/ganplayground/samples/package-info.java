/** Encoding of visual frames into the binary WebSocket format of docs/protocol.md, done once per frame on the training thread. No Vert.x. */
package dev.ganplayground.samples;
