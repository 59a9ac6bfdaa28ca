/** The schema registry: versioned schemas per subject, their compatibility rules, and validation of attributes. */
package io.meshplane.schema;
