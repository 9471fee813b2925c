//! The columns of `vanban.to_frames`, built here from the documents' JSON (the top-level fields
//! as `bytes`, as `parse` left them) without building Python dicts per object: only the fields a
//! table needs are read (with serde_json, the GIL released), and each column comes back as one
//! Python list, which pandas takes as it is.
//!
//! What the columns are is decided in Python (`vanban/_frames.py`, from the generated model
//! classes): a *getter* per column, `(name, how, path)` with `how` one of `value`, `start`, `end`
//! (of a span) and `count` (of a list). The tables' structure (documents, the item tree, a table
//! per list of objects and per list inside those) is the one `_frames.py` documents.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use serde_json::Value;
use std::collections::HashMap;

/// How a column reads its object.
#[derive(Clone, Copy)]
enum How {
    Value,
    Start,
    End,
    Count,
}

struct Getter {
    name: String,
    how: How,
    path: Vec<String>,
}

/// A list of objects that makes a table: its field name, its columns, and the lists inside its
/// objects that make `name.field` tables.
struct ListPlan {
    field: String,
    columns: Vec<Getter>,
    nested: Vec<(String, Vec<Getter>)>,
}

struct Plan {
    documents: Option<Vec<Getter>>,
    items: Option<Vec<Getter>>,
    /// Whether the item tree is walked (for `items` or an item list table).
    walk_items: bool,
    item_lists: Vec<ListPlan>,
    doc_lists: Vec<ListPlan>,
}

/// One cell, held without the GIL until the columns are handed to Python.
enum Cell {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<Cell>),
}

impl Cell {
    fn of(v: Option<&Value>) -> Cell {
        match v {
            None | Some(Value::Null) => Cell::Null,
            Some(Value::Bool(b)) => Cell::Bool(*b),
            Some(Value::Number(n)) => match n.as_i64() {
                Some(i) => Cell::Int(i),
                None => Cell::Float(n.as_f64().unwrap_or(f64::NAN)),
            },
            Some(Value::String(s)) => Cell::Str(s.clone()),
            Some(Value::Array(a)) => Cell::List(a.iter().map(|x| Cell::of(Some(x))).collect()),
            // Objects are columns of their own (`<field>_<sub>`); one here is unexpected: kept
            // as its JSON text rather than lost.
            Some(o @ Value::Object(_)) => Cell::Str(o.to_string()),
        }
    }

    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(match self {
            Cell::Null => py.None().into_bound(py),
            Cell::Bool(b) => pyo3::types::PyBool::new(py, *b).to_owned().into_any(),
            Cell::Int(i) => i.into_pyobject(py)?.into_any(),
            Cell::Float(f) => f.into_pyobject(py)?.into_any(),
            Cell::Str(s) => PyString::new(py, s).into_any(),
            Cell::List(items) => {
                let list = PyList::empty(py);
                for c in items {
                    list.append(c.to_py(py)?)?;
                }
                list.into_any()
            }
        })
    }
}

fn at<'a>(v: &'a Value, path: &[String]) -> Option<&'a Value> {
    let mut cur = v;
    for k in path {
        cur = cur.get(k)?;
    }
    Some(cur)
}

fn cell(obj: &Value, g: &Getter) -> Cell {
    let v = at(obj, &g.path);
    match g.how {
        How::Value => Cell::of(v),
        How::Start | How::End => {
            let key = if matches!(g.how, How::Start) {
                "start"
            } else {
                "end"
            };
            Cell::of(v.and_then(|s| s.get(key)))
        }
        How::Count => Cell::Int(v.and_then(Value::as_array).map_or(0, |a| a.len() as i64)),
    }
}

/// A table being built: its columns by name, in order.
#[derive(Default)]
struct Table {
    names: Vec<String>,
    columns: Vec<Vec<Cell>>,
}

impl Table {
    fn new(names: Vec<String>) -> Table {
        let columns = names.iter().map(|_| Vec::new()).collect();
        Table { names, columns }
    }

    /// One row: the key cells, then one cell per getter.
    fn push(&mut self, keys: Vec<Cell>, obj: &Value, getters: &[Getter]) {
        let k = keys.len();
        for (i, c) in keys.into_iter().enumerate() {
            self.columns[i].push(c);
        }
        for (j, g) in getters.iter().enumerate() {
            self.columns[k + j].push(cell(obj, g));
        }
    }
}

fn names(keys: &[&str], getters: &[Getter]) -> Vec<String> {
    keys.iter()
        .map(|s| s.to_string())
        .chain(getters.iter().map(|g| g.name.clone()))
        .collect()
}

/// `name` of a list table, and `name.field` for each list inside its objects.
fn list_tables(
    out: &mut Vec<(String, Table)>,
    plan: &ListPlan,
    keys: &[&str],
    owners: &[(Vec<Value>, &Value)],
) {
    let mut table = Table::new(names(&[keys, &["idx"]].concat(), &plan.columns));
    let mut nested: Vec<Table> = plan
        .nested
        .iter()
        .map(|(_, g)| Table::new(names(&[keys, &["parent_idx", "idx"]].concat(), g)))
        .collect();
    for (key, owner) in owners {
        let Some(list) = owner.get(&plan.field).and_then(Value::as_array) else {
            continue;
        };
        for (idx, x) in list.iter().enumerate() {
            let mut k: Vec<Cell> = key.iter().map(|v| Cell::of(Some(v))).collect();
            k.push(Cell::Int(idx as i64));
            table.push(k, x, &plan.columns);
            for ((f, g), t) in plan.nested.iter().zip(nested.iter_mut()) {
                for (j, y) in x
                    .get(f)
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .enumerate()
                {
                    let mut k: Vec<Cell> = key.iter().map(|v| Cell::of(Some(v))).collect();
                    k.push(Cell::Int(idx as i64));
                    k.push(Cell::Int(j as i64));
                    t.push(k, y, g);
                }
            }
        }
    }
    out.push((plan.field.clone(), table));
    for ((f, _), t) in plan.nested.iter().zip(nested) {
        out.push((format!("{}.{f}", plan.field), t));
    }
}

/// The item tree of one document, depth first: `(item_id, parent_id, depth, path, item)`.
fn walk<'a>(
    items: &'a [Value],
    depth: i64,
    parent: Option<i64>,
    path: &str,
    counter: &mut i64,
    out: &mut Vec<(i64, Option<i64>, i64, String, &'a Value)>,
) {
    for it in items {
        let id = *counter;
        *counter += 1;
        let label = it.get("label").and_then(Value::as_str).unwrap_or("");
        let here = if path.is_empty() {
            label.to_string()
        } else {
            format!("{path} > {label}")
        };
        out.push((id, parent, depth, here.clone(), it));
        if let Some(ch) = it.get("children").and_then(Value::as_array) {
            walk(ch, depth + 1, Some(id), &here, counter, out);
        }
    }
}

/// The JSON of one document's fields: those in `full` as they are, the other lists as lists of
/// as many `null`s (all the documents table reads of them is their length, found without
/// building their objects), the other values as they are. With `only_full`, nothing but `full`.
fn document(fields: &HashMap<String, Vec<u8>>, full: &[&str], only_full: bool) -> Value {
    let mut map = serde_json::Map::new();
    for (k, bytes) in fields {
        let wanted = full.contains(&k.as_str());
        if only_full && !wanted {
            continue;
        }
        let v = if !wanted && bytes.first() == Some(&b'[') {
            serde_json::from_slice::<Vec<&serde_json::value::RawValue>>(bytes)
                .map_or(Value::Null, |items| {
                    Value::Array(vec![Value::Null; items.len()])
                })
        } else {
            serde_json::from_slice(bytes).unwrap_or(Value::Null)
        };
        map.insert(k.clone(), v);
    }
    Value::Object(map)
}

fn build(docs: &[HashMap<String, Vec<u8>>], plan: &Plan) -> Vec<(String, Table)> {
    // The fields to read: every field for the documents table (its counts), else the lists.
    let mut full: Vec<&str> = vec!["header"];
    if plan.walk_items {
        full.push("items");
    }
    for l in &plan.doc_lists {
        full.push(&l.field);
    }
    let only_full = plan.documents.is_none();
    let values: Vec<Value> = docs.iter().map(|f| document(f, &full, only_full)).collect();
    let idx = |i: usize| Value::from(i as u64);
    let mut out = Vec::new();
    if let Some(g) = &plan.documents {
        let mut names = names(&["doc_id"], g);
        names.push("family".into());
        let mut t = Table::new(names);
        let last = t.columns.len() - 1;
        for (i, d) in values.iter().enumerate() {
            t.push(vec![Cell::Int(i as i64)], d, g);
            let family = at(d, &["header".into(), "family".into()]);
            t.columns[last].push(Cell::of(family));
        }
        out.push(("documents".to_string(), t));
    }
    if plan.walk_items {
        let g = plan.items.as_deref().unwrap_or(&[]);
        let mut t = Table::new(names(
            &["doc_id", "item_id", "parent_id", "depth", "path", "text"],
            g,
        ));
        let mut owners: Vec<(Vec<Value>, &Value)> = Vec::new();
        for (i, d) in values.iter().enumerate() {
            let mut tree = Vec::new();
            let items = d
                .get("items")
                .and_then(Value::as_array)
                .map_or(&[][..], Vec::as_slice);
            walk(items, 0, None, "", &mut 0, &mut tree);
            for (id, parent, depth, path, it) in tree {
                if plan.items.is_some() {
                    let text: Vec<&str> = it
                        .get("paragraphs")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                        .filter_map(|p| p.get("text").and_then(Value::as_str))
                        .collect();
                    let keys = vec![
                        Cell::Int(i as i64),
                        Cell::Int(id),
                        parent.map_or(Cell::Null, Cell::Int),
                        Cell::Int(depth),
                        Cell::Str(path),
                        Cell::Str(text.join("\n")),
                    ];
                    t.push(keys, it, g);
                }
                let label = it.get("label").cloned().unwrap_or(Value::Null);
                owners.push((vec![idx(i), Value::from(id), label], it));
            }
        }
        if plan.items.is_some() {
            out.push(("items".to_string(), t));
        }
        for l in &plan.item_lists {
            list_tables(&mut out, l, &["doc_id", "item_id", "item_label"], &owners);
        }
    }
    let owners: Vec<(Vec<Value>, &Value)> = values
        .iter()
        .enumerate()
        .map(|(i, d)| (vec![idx(i)], d))
        .collect();
    for l in &plan.doc_lists {
        list_tables(&mut out, l, &["doc_id"], &owners);
    }
    out
}

fn getters(v: &Bound<'_, PyAny>) -> PyResult<Vec<Getter>> {
    let mut out = Vec::new();
    for g in v.try_iter()? {
        let (name, how, path): (String, String, Vec<String>) = g?.extract()?;
        let how = match how.as_str() {
            "value" => How::Value,
            "start" => How::Start,
            "end" => How::End,
            "count" => How::Count,
            other => {
                return Err(pyo3::exceptions::PyValueError::new_err(format!(
                    "frame_columns: unknown getter {other:?}"
                )))
            }
        };
        out.push(Getter { name, how, path });
    }
    Ok(out)
}

fn list_plans(v: &Bound<'_, PyAny>) -> PyResult<Vec<ListPlan>> {
    let mut out = Vec::new();
    for l in v.try_iter()? {
        let l = l?;
        let field: String = l.get_item(0)?.extract()?;
        let columns = getters(&l.get_item(1)?)?;
        let mut nested = Vec::new();
        for n in l.get_item(2)?.try_iter()? {
            let n = n?;
            nested.push((n.get_item(0)?.extract()?, getters(&n.get_item(1)?)?));
        }
        out.push(ListPlan {
            field,
            columns,
            nested,
        });
    }
    Ok(out)
}

/// frame_columns(docs, plan) -> list[tuple[str, list[str], list[list]]]
///
/// The tables of `to_frames` as `(name, column names, columns)`; `doc_id` columns hold the
/// position of the document in `docs` (the caller maps them to its ids). `docs` are the
/// documents' top-level fields as JSON `bytes`; `plan` is `{"documents": getters | None,
/// "items": getters | None, "walk_items": bool, "item_lists": [...], "doc_lists": [...]}`.
#[pyfunction]
pub fn frame_columns<'py>(
    py: Python<'py>,
    docs: &Bound<'py, PyList>,
    plan: &Bound<'py, PyDict>,
) -> PyResult<Bound<'py, PyList>> {
    let opt = |k: &str| -> PyResult<Option<Vec<Getter>>> {
        match plan.get_item(k)? {
            Some(v) if !v.is_none() => Ok(Some(getters(&v)?)),
            _ => Ok(None),
        }
    };
    let lists = |k: &str| -> PyResult<Vec<ListPlan>> {
        match plan.get_item(k)? {
            Some(v) => list_plans(&v),
            None => Ok(Vec::new()),
        }
    };
    let plan = Plan {
        documents: opt("documents")?,
        items: opt("items")?,
        walk_items: plan
            .get_item("walk_items")?
            .map_or(Ok(false), |v| v.extract())?,
        item_lists: lists("item_lists")?,
        doc_lists: lists("doc_lists")?,
    };
    let mut owned: Vec<HashMap<String, Vec<u8>>> = Vec::with_capacity(docs.len());
    for d in docs.iter() {
        let d = d.cast::<PyDict>()?;
        let mut m = HashMap::with_capacity(d.len());
        for (k, v) in d.iter() {
            let v = v.cast::<PyBytes>()?;
            m.insert(k.extract::<String>()?, v.as_bytes().to_vec());
        }
        owned.push(m);
    }
    let tables = py.detach(|| build(&owned, &plan));
    let out = PyList::empty(py);
    for (name, t) in tables {
        let cols = PyList::empty(py);
        for c in &t.columns {
            let col = PyList::empty(py);
            for cell in c {
                col.append(cell.to_py(py)?)?;
            }
            cols.append(col)?;
        }
        out.append((name, t.names, cols))?;
    }
    Ok(out)
}
