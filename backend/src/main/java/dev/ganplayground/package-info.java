/** The server's entry point (Main: settings from the environment, ND4J loaded off the event loop, then the runs side and the HTTP side deployed). */
package dev.ganplayground;
