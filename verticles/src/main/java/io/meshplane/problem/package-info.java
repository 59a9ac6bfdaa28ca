/** RFC 9457 problem details: how every refusal and failure is described to a client. */
package io.meshplane.problem;
