/** PostgreSQL plumbing shared by the read and write paths: migrations and client construction. */
package io.meshplane.storage;
