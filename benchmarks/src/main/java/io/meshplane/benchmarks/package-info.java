/** JMH benchmarks of Meshplane's hot path; run from the shaded benchmarks.jar. */
package io.meshplane.benchmarks;
