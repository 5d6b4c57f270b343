# record: this run's line in the history (sg_history_append), and what is live now.
record() {
  sg_history_append success
  sg_result sha "$NEW_SHA"
  sg_result release "$RELEASE"
}
