//! `doudi batch` on every core: one thread reads households and hands them out in
//! chunks, workers assess them and write their rows, and the calling thread writes the
//! chunks in input order. A fixed number of chunks is in flight at any time (a token is
//! taken before a chunk is read and given back once it is written), so memory stays
//! flat however large the file and however uneven the work.
//!
//! Plain `std::thread::scope` and bounded channels rather than rayon: the work is a
//! stream in file order, not a collection, and rayon's ordered parallel iterators need
//! the whole input; a pipeline with an ordered writer is short to write, needs no
//! dependency, and keeps the single-threaded path (the site's) the same code.

use crate::output::is_error;
use crate::{plan, Error, Group, Settings, Summary};
use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};

/// Households in one chunk of work.
const CHUNK: usize = 256;
/// Chunks in flight per worker (read, being assessed, or waiting to be written).
const IN_FLIGHT_PER_WORKER: usize = 4;

/// Runs a caseload like [`crate::stream`], with `workers` threads assessing (and one
/// reading). The output is byte for byte the same.
pub fn stream_parallel<R: Read + Send>(
    open: &mut dyn FnMut() -> io::Result<R>,
    out: &mut dyn Write,
    settings: Settings,
    workers: usize,
) -> Result<Summary, Error> {
    if workers <= 1 {
        return crate::stream(open, out, settings, &mut |_, _| {});
    }
    let plan = plan(open)?;
    let mut summary = Summary {
        households: 0,
        failed: 0,
        encoding: plan.encoding(),
    };
    let mut groups = plan.groups(open().map_err(Error::Read)?)?;
    let columns = groups.columns().clone();
    let table = crate::output::table(settings.reform.is_some());
    let mut header = String::new();
    crate::output::write_header_in(&mut header, settings.bom, table);
    out.write_all(header.as_bytes()).map_err(Error::Write)?;

    let in_flight = workers * IN_FLIGHT_PER_WORKER;
    std::thread::scope(|scope| {
        let (work_tx, work_rx) = sync_channel::<(usize, Vec<Group>)>(in_flight);
        let work_rx = Arc::new(Mutex::new(work_rx));
        let (done_tx, done_rx) = sync_channel::<Done>(in_flight);
        let (token_tx, token_rx) = sync_channel::<()>(in_flight);
        for _ in 0..in_flight {
            // The channel holds them all: this never blocks, and the receiver is alive.
            let _ = token_tx.send(());
        }

        let reader = scope.spawn(move || -> Result<(), Error> {
            let mut sequence = 0;
            loop {
                // A token first: no more than `in_flight` chunks are read but not written.
                if token_rx.recv().is_err() {
                    return Ok(());
                }
                let mut chunk = Vec::with_capacity(CHUNK);
                for group in groups.by_ref().take(CHUNK) {
                    chunk.push(group?);
                }
                if chunk.is_empty() || work_tx.send((sequence, chunk)).is_err() {
                    return Ok(());
                }
                sequence += 1;
            }
        });

        for _ in 0..workers {
            let work_rx = Arc::clone(&work_rx);
            let done_tx = done_tx.clone();
            let columns = &columns;
            scope.spawn(move || loop {
                let next = match work_rx.lock() {
                    Ok(receiver) => receiver.recv(),
                    Err(_) => return,
                };
                let Ok((sequence, chunk)) = next else {
                    return;
                };
                let mut text = String::with_capacity(chunk.len() * 160);
                let mut failed = 0;
                let mut record = Vec::new();
                for group in &chunk {
                    group.row_into(columns, settings, &mut record);
                    if is_error(&record) {
                        failed += 1;
                    }
                    crate::output::write_row_in(&mut text, &record, table);
                }
                let done = Done {
                    sequence,
                    text,
                    households: chunk.len(),
                    failed,
                };
                drop(chunk);
                if done_tx.send(done).is_err() {
                    return;
                }
            });
        }
        // Only the workers hold these now: when they stop, the reader's sends fail and
        // the writer's loop ends.
        drop(work_rx);
        drop(done_tx);

        // The writer: chunks in order.
        let mut waiting: BTreeMap<usize, Done> = BTreeMap::new();
        let mut next = 0;
        let mut written = Ok(());
        'receive: for done in done_rx.iter() {
            waiting.insert(done.sequence, done);
            while let Some(done) = waiting.remove(&next) {
                if let Err(error) = out.write_all(done.text.as_bytes()) {
                    written = Err(Error::Write(error));
                    break 'receive;
                }
                summary.households += done.households;
                summary.failed += done.failed;
                next += 1;
                // The reader may be gone (at the end of the file): nothing to do then.
                let _ = token_tx.send(());
            }
        }
        // On a write error, stop the others: they see their channels closed.
        drop(done_rx);
        drop(token_tx);
        let read = reader.join().unwrap_or(Ok(()));
        written?;
        read
    })?;
    Ok(summary)
}

/// A chunk's result rows.
struct Done {
    sequence: usize,
    text: String,
    households: usize,
    failed: usize,
}
