package com.pulse.cli.catalog;

import com.pulse.adapter.jdbc.NamedParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.util.TablesNamesFinder;
import net.sf.jsqlparser.util.validation.Validation;
import net.sf.jsqlparser.util.validation.ValidationError;
import net.sf.jsqlparser.util.validation.feature.DatabaseType;

/**
 * Checks that a metric's SQL Server text is T-SQL, without a server: it must parse with JSqlParser
 * (square-bracket quoting on), pass JSqlParser's SQL Server feature validation (no {@code LIMIT},
 * ...), and its syntax tree may only use what the SQL Server family has: functions from
 * {@link #FUNCTIONS} (T-SQL built-ins; DuckDB's {@code date_diff}, {@code strftime}, ... are not),
 * {@code CAST} to a type from {@link #TYPES} ({@code DOUBLE}, {@code BOOLEAN}, {@code TEXT} are not
 * T-SQL), date parts unquoted ({@code DATEDIFF(day, a, b)}, not {@code 'day'}), no {@code ::} casts,
 * {@code QUALIFY}, {@code ILIKE} or boolean literals.
 *
 * <p>What it cannot prove: that the tables and columns exist, that types line up, or that Fabric
 * Warehouse or Synapse (which lack some Azure SQL features) accept every construct: that needs a
 * server, {@code catalog check --warehouse jdbc:sqlserver:...}. Stateless and thread-safe.
 */
public final class SqlServerDialectCheck {
  /** T-SQL built-in scalar, aggregate and window functions a metric may call (upper case). */
  static final Set<String> FUNCTIONS = Set.of(
      "AVG", "COUNT", "COUNT_BIG", "SUM", "MIN", "MAX", "STDEV", "STDEVP", "VAR", "VARP", "STRING_AGG",
      "APPROX_COUNT_DISTINCT", "APPROX_PERCENTILE_CONT", "APPROX_PERCENTILE_DISC", "GROUPING", "GROUPING_ID",
      "ROW_NUMBER", "RANK", "DENSE_RANK", "NTILE", "LAG", "LEAD", "FIRST_VALUE", "LAST_VALUE", "CUME_DIST",
      "PERCENT_RANK", "PERCENTILE_CONT", "PERCENTILE_DISC",
      "DATEADD", "DATEDIFF", "DATEDIFF_BIG", "DATEPART", "DATENAME", "DATETRUNC", "DATE_BUCKET", "DATEFROMPARTS",
      "DATETIME2FROMPARTS", "DATETIMEFROMPARTS", "EOMONTH", "GETDATE", "GETUTCDATE", "SYSDATETIME",
      "SYSUTCDATETIME", "SYSDATETIMEOFFSET", "DAY", "MONTH", "YEAR", "ISDATE", "SWITCHOFFSET", "TODATETIMEOFFSET",
      "ABS", "CEILING", "FLOOR", "ROUND", "POWER", "SQRT", "SQUARE", "EXP", "LOG", "LOG10", "SIGN", "PI",
      "SIN", "COS", "TAN", "ASIN", "ACOS", "ATAN", "ATN2", "DEGREES", "RADIANS", "GREATEST", "LEAST",
      "LEN", "DATALENGTH", "LEFT", "RIGHT", "SUBSTRING", "UPPER", "LOWER", "LTRIM", "RTRIM", "TRIM", "REPLACE",
      "REPLICATE", "REVERSE", "CHARINDEX", "PATINDEX", "CONCAT", "CONCAT_WS", "STUFF", "FORMAT", "STR", "CHAR",
      "NCHAR", "ASCII", "UNICODE", "SPACE", "QUOTENAME", "TRANSLATE",
      "CONVERT", "TRY_CONVERT", "TRY_CAST", "PARSE", "TRY_PARSE", "IIF", "CHOOSE", "COALESCE", "NULLIF", "ISNULL",
      "JSON_VALUE", "JSON_QUERY", "ISJSON", "CHECKSUM", "BINARY_CHECKSUM", "HASHBYTES");

  /** T-SQL data types a {@code CAST} may name (upper case, single spaces). */
  static final Set<String> TYPES = Set.of("BIGINT", "INT", "INTEGER", "SMALLINT", "TINYINT", "BIT", "DECIMAL", "DEC",
      "NUMERIC", "MONEY", "SMALLMONEY", "FLOAT", "REAL", "DOUBLE PRECISION", "DATE", "TIME", "DATETIME2",
      "DATETIMEOFFSET", "DATETIME", "SMALLDATETIME", "CHAR", "CHARACTER", "VARCHAR", "NCHAR", "NVARCHAR", "BINARY",
      "VARBINARY", "UNIQUEIDENTIFIER");

  /** Functions whose first argument is a T-SQL date part keyword. */
  private static final Set<String> DATE_PART_FUNCTIONS = Set.of("DATEADD", "DATEDIFF", "DATEDIFF_BIG", "DATEPART",
      "DATENAME", "DATETRUNC", "DATE_BUCKET");

  private SqlServerDialectCheck() {}

  /**
   * The reasons {@code sql} is not T-SQL; empty if none was found.
   *
   * @param sql a metric query with {@code :window_start} / {@code :window_end} parameters
   * @return one line per problem, in the order found
   * @throws NullPointerException if {@code sql} is null
   */
  public static List<String> problems(String sql) {
    String jdbcSql;
    try {
      jdbcSql = NamedParameters.parse(sql).jdbcSql();
    } catch (IllegalArgumentException e) {
      return List.of(e.getMessage());
    }
    Statement statement;
    try {
      statement = CCJSqlParserUtil.parse(jdbcSql, parser -> parser.withSquareBracketQuotation(true));
    } catch (JSQLParserException e) {
      String cause = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
      return List.of("does not parse as T-SQL: " + firstLine(cause));
    }
    if (!(statement instanceof Select)) {
      return List.of("must be one SELECT statement");
    }
    List<String> problems = new ArrayList<>();
    for (ValidationError error : new Validation(List.of(DatabaseType.SQLSERVER), jdbcSql).validate()) {
      error.getErrors().forEach(v -> problems.add("not T-SQL: " + v.getMessage()));
    }
    new TablesNamesFinder<Void>() {
      @Override
      public <S> Void visit(Function function, S context) {
        checkFunction(function, problems);
        return super.visit(function, context);
      }

      @Override
      public <S> Void visit(CastExpression cast, S context) {
        checkCast(cast, problems);
        return super.visit(cast, context);
      }

      @Override
      public <S> Void visit(PlainSelect select, S context) {
        if (select.getQualify() != null) {
          problems.add("QUALIFY is not T-SQL; filter a window function in an outer query");
        }
        return super.visit(select, context);
      }

      @Override
      public <S> Void visit(LikeExpression like, S context) {
        if (like.getLikeKeyWord() != LikeExpression.KeyWord.LIKE) {
          problems.add(like.getLikeKeyWord() + " is not T-SQL; use LIKE (case sensitivity follows the collation)");
        }
        return super.visit(like, context);
      }

      @Override
      public <S> Void visit(BooleanValue value, S context) {
        problems.add("T-SQL has no boolean literal " + value + "; compare with 1 or 0");
        return super.visit(value, context);
      }
    }.getTables(statement);
    return problems.stream().distinct().toList();
  }

  private static void checkFunction(Function function, List<String> problems) {
    String name = function.getName() == null ? "" : function.getName().toUpperCase(Locale.ROOT);
    if (!FUNCTIONS.contains(name)) {
      problems.add("function " + function.getName() + " is not a SQL Server built-in (allowed: "
          + SqlServerDialectCheck.class.getSimpleName() + ".FUNCTIONS)");
      return;
    }
    if (DATE_PART_FUNCTIONS.contains(name) && function.getParameters() != null
        && !function.getParameters().isEmpty() && function.getParameters().get(0) instanceof StringValue part) {
      problems.add(name + " takes the date part unquoted: " + name + "(" + part.getValue() + ", ...), not '"
          + part.getValue() + "'");
    }
  }

  private static void checkCast(CastExpression cast, List<String> problems) {
    if (cast.keyword == null) {
      problems.add("'::' casts are not T-SQL; write CAST(x AS type)");
    }
    if (cast.getColDataType() != null) {
      String type = cast.getColDataType().getDataType().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
      if (!TYPES.contains(type)) {
        problems.add("type " + type + " is not a T-SQL type" + (type.equals("DOUBLE") ? " (write DOUBLE PRECISION)" : ""));
      }
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "(no detail)";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }
}
