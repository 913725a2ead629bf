/** HTTP routes, static files, REST under /api and the WebSocket endpoint. Talks to runs only through the event bus; imports no ND4J. */
package dev.ganplayground.web;
