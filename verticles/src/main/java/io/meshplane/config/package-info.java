/** Configuration: read once at start-up from YAML, environment and system properties into validated records. */
package io.meshplane.config;
