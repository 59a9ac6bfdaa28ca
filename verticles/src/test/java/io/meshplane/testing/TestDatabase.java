package io.meshplane.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/** A database of its own for one test class on the local PostgreSQL, dropped afterwards. */
public final class TestDatabase implements AutoCloseable {
  public static final String HOST = "127.0.0.1";
  public static final int PORT = 5432;
  public static final String USER = "postgres";

  private final String name;

  private TestDatabase(String name) {
    this.name = name;
  }

  public static TestDatabase create() {
    String name = "mp_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    adminExecute("CREATE DATABASE " + name);
    return new TestDatabase(name);
  }

  public String name() {
    return name;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + name, USER, "");
  }

  /** Runs a query and returns the single long it yields. */
  public long queryLong(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public void execute(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public void close() {
    adminExecute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void adminExecute(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
