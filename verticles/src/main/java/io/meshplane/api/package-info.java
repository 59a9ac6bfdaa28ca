/** The HTTP API: routes, request parsing at the edge, and the mapping of every outcome to a status code. */
package io.meshplane.api;
