package io.meshplane.schema;

/** JSON Pointers (RFC 6901) into a document, as the registry's messages show them. */
final class JsonPointers {
  private JsonPointers() {}

  static String child(String parent, String token) {
    return parent + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  static String child(String parent, int index) {
    return parent + "/" + index;
  }

  /** The pointer as a reader sees it: the empty pointer is the whole document. */
  static String display(String pointer) {
    return pointer.isEmpty() ? "(root)" : pointer;
  }
}
