/** Test support: per-class databases, Redis processes, in-JVM nodes and the blocked-thread guard. */
package io.meshplane.testing;
