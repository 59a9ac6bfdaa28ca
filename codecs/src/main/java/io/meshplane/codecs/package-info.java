/** Wire formats of Meshplane. Pure functions over bytes: no I/O, no state. */
package io.meshplane.codecs;
