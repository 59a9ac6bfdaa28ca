/**
 * Event routing rules: parsing and compiling {@code PUT /v1/routes/{name}} bodies, matching events, transforming and
 * enriching their data, and the type index that keeps the cost per event flat as rules grow. No I/O.
 */
package io.meshplane.routing;
