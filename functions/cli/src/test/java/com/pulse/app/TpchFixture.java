package com.pulse.app;

import com.pulse.adapter.jdbc.JdbcWarehouse;
import com.pulse.adapter.local.TpchDuckDbLoader;
import com.pulse.domain.catalog.SqlDialect;
import io.trino.tpch.Customer;
import io.trino.tpch.LineItem;
import io.trino.tpch.Nation;
import io.trino.tpch.Order;
import io.trino.tpch.TpchTable;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * TPC-H at SF 0.01 twice: loaded into an in-memory DuckDB by {@link TpchDuckDbLoader}, and as plain
 * Java rows straight from the {@code io.trino.tpch} generator (line items joined to their order,
 * customer and nation) for independent computations. Built once per JVM.
 */
final class TpchFixture {
  static final double SCALE_FACTOR = 0.01;
  private static TpchFixture instance;

  final DuckDBConnection connection;
  final JdbcWarehouse warehouse;
  final List<Line> lines = new ArrayList<>();
  final List<Order> orders = new ArrayList<>();

  /** One line item with the attributes of its order, customer and nation; dates in epoch days. */
  record Line(long orderKey, long customer, int orderDate, String priority, String segment, String nation,
      double price, double discount, int shipDate, int commitDate, int receiptDate, String returnFlag, String shipMode) {}

  private TpchFixture() throws SQLException {
    connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    TpchDuckDbLoader.loadInto(connection, SCALE_FACTOR);
    warehouse = new JdbcWarehouse(connection::duplicate, "in-memory TPC-H", SqlDialect.DUCKDB);
    Map<Long, String> nations = new HashMap<>();
    for (Nation n : TpchTable.NATION.createGenerator(SCALE_FACTOR, 1, 1)) {
      nations.put(n.getNationKey(), n.getName());
    }
    Map<Long, Customer> customers = new HashMap<>();
    for (Customer c : TpchTable.CUSTOMER.createGenerator(SCALE_FACTOR, 1, 1)) {
      customers.put(c.getCustomerKey(), c);
    }
    Map<Long, Order> byKey = new HashMap<>();
    for (Order o : TpchTable.ORDERS.createGenerator(SCALE_FACTOR, 1, 1)) {
      byKey.put(o.getOrderKey(), o);
      orders.add(o);
    }
    for (LineItem l : TpchTable.LINE_ITEM.createGenerator(SCALE_FACTOR, 1, 1)) {
      Order o = byKey.get(l.getOrderKey());
      Customer c = customers.get(o.getCustomerKey());
      lines.add(new Line(o.getOrderKey(), o.getCustomerKey(), o.getOrderDate(), o.getOrderPriority(),
          c.getMarketSegment(), nations.get(c.getNationKey()), l.getExtendedPrice(), l.getDiscount(), l.getShipDate(),
          l.getCommitDate(), l.getReceiptDate(), l.getReturnFlag(), l.getShipMode()));
    }
  }

  static synchronized TpchFixture get() throws SQLException {
    if (instance == null) {
      instance = new TpchFixture();
    }
    return instance;
  }
}
