/**
 * The query engine of {@code POST /api/v1/query}: it runs a typed {@code query.model.Query} as SQL
 * (bound parameters only, streamed page by page) over the entities registered in the {@link
 * io.sightline.server.query.QueryRegistry}. It knows no entity: each aggregate package registers
 * itself with a {@link io.sightline.server.query.QuerySource} bean, so the engine sits below the
 * aggregates (they depend on it, it on none of them). TheHive's JSON is read in {@code query.thehive}.
 *
 * <h2>Registering an entity: a {@code QuerySource}</h2>
 * One {@code @Component} in the entity's own package, say {@code tasks}:
 * <pre>{@code
 * @Component
 * class TaskQuerySource implements QuerySource {
 *     public String entity() { return "task"; }            // the name links start from
 *     public String label() { return "Task"; }             // in messages
 *     public String table() { return "task"; }             // listed as alias t, with an id column
 *     public String listStep() { return "listTask"; }      // the list step
 *     public Optional<String> getStep() { return Optional.of("getTask"); } // the get step ("~id")
 *     public List<QueryField> fields() {                   // what filters and sorts may name
 *         return List.of(QueryField.column("_id", "id", Kind.ID),
 *                 QueryField.column("title", "title", Kind.STRING),
 *                 QueryField.computed("logCount", "SELECT COUNT(*) FROM task_log l WHERE l.task_id = t.id", Kind.NUMBER));
 *     }
 *     // no org_id column: the organisation is the case's
 *     public SqlCondition scope(long orgId) {
 *         return SqlCondition.of("t.case_id IN (SELECT c.id FROM case_record c WHERE c.org_id = ?)", orgId);
 *     }
 *     public List<?> views(List<Long> ids) {               // TheHive's JSON, in the order of ids
 *         return QuerySource.inOrderOf(ids, tasks.byIds(ids), TaskRecord::id).stream().map(TaskView::of).toList();
 *     }
 *     public List<QueryLink> linksIn() {                   // the navigation step case -> tasks
 *         return List.of(new QueryLink("tasks", "case", "t.case_id IN (" + QueryLink.PARENTS + ")"));
 *     }
 * }
 * }</pre>
 * <ul>
 * <li>Fields: {@link io.sightline.server.query.QueryField#column} for a column of the table,
 * {@link io.sightline.server.query.QueryField#computed} for an SQL expression over the row
 * {@code t}, {@link io.sightline.server.query.QueryField#tags()} with {@code tagEntity()} for
 * tags in {@code entity_tag}. The kind decides how values are read and compared.</li>
 * <li>Scope: by default {@code t.org_id = ?}; a platform-wide entity returns
 * {@link io.sightline.server.query.SqlCondition#ALWAYS}. A record outside the scope is never listed,
 * and a get step naming it is a 404.</li>
 * <li>Get step: {@code byIdOrName} turns {@code idOrName} into a condition (by default {@code "~id"};
 * cases also take a number); an empty answer is a 404.</li>
 * <li>Navigation: a {@link io.sightline.server.query.QueryLink} is declared by the entity it leads
 * to, naming the entity it starts from; {@code {parents}} stands for the ids of the rows so far.</li>
 * <li>Digests: {@code QueryField.column(...).withDigest("data_key", SecretHashing::sha256)} names a
 * column that holds a digest of a long text on every row where it is set; {@code _eq} and short
 * {@code _in} lists then also compare the digest, which is indexed where the text is not.</li>
 * <li>Custom fields: a source whose records carry custom field values returns their
 * {@code custom_field_value.entity} from {@code customFieldOwner()}; filters and sorts may then name
 * {@code customFields.<name>} (or TheHive 4's {@code customFields.<name>.<type>}). The definition,
 * read through {@link io.sightline.server.query.QueryCustomFields} (provided by {@code customfields}),
 * picks the typed column; a filter is a sub-select on {@code custom_field_value} (any of several
 * values matches, {@code null} means "no value"), a sort a correlated sub-select (least value
 * ascending, greatest descending, records without a value last).</li>
 * <li>Narrowed lists: {@code namedLists()} adds list steps over the same records with a condition
 * on the caller ({@link io.sightline.server.query.QueryList}), such as tasks' {@code myTasks}.</li>
 * <li>Extra data: {@code extraData()} names what a page step may add under each view's
 * {@code extraData}, computed for the whole page at once; a package above the entity's own adds
 * to it with a {@link io.sightline.server.query.QueryExtraDataSource} bean (a case's {@code links}).</li>
 * </ul>
 * Step names are checked unique when the hub starts. The query tests ({@code QueryInputContract},
 * {@code QueryStreamingContract}) read the registry, so a registered entity is covered by them.
 */
package io.sightline.server.query;
