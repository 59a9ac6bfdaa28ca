/** The catalog entity on the wire: its JSON form for HTTP and its binary form in the L1 and L2 caches. */
package io.meshplane.codecs.entity;
