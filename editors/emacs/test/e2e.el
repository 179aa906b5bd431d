;;; e2e.el --- headless end-to-end test of letterlint.el -*- lexical-binding: t -*-
;; Run by test/e2e.sh: `letterlint-setup' attaches the server to a letter through eglot, flymake
;; receives letterlint's diagnostics, `letterlint-settings' reach the server, and
;; `letterlint-fix-all' applies the safe fixes.

(require 'cl-lib)

(defvar e2e-failed nil)

(defun e2e-check (condition message)
  (message "%s%s" (if condition "ok - " "FAIL: ") message)
  (unless condition
    (setq e2e-failed t)
    (when (and (fboundp 'eglot-current-server) (eglot-current-server))
      ;; The end of the protocol log, to see what went wrong.
      (with-current-buffer (jsonrpc-events-buffer (eglot-current-server))
        (message "%s" (buffer-substring (max (point-min) (- (point-max) 4000)) (point-max)))))
    (kill-emacs 1)))

(defun e2e-wait (seconds predicate)
  "Process events until PREDICATE is non-nil or SECONDS pass; return its value."
  (let ((deadline (+ (float-time) seconds))
        (next-start 0)
        value)
    (while (and (not (setq value (funcall predicate)))
                (< (float-time) deadline))
      ;; In batch Emacs is never idle: run the idle timers an idle Emacs would (eglot sends
      ;; didChange from one).
      (mapc #'timer-event-handler (copy-sequence timer-idle-list))
      (when (and (bound-and-true-p flymake-mode) (> (float-time) next-start))
        ;; In batch nothing is displayed, so ask flymake to run its backends.
        (flymake-start)
        (setq next-start (+ (float-time) 1)))
      (accept-process-output nil 0.1))
    value))

(defun e2e-diagnostic (rule)
  "The flymake diagnostic of RULE in the current buffer."
  (cl-find-if (lambda (d) (string-match-p (regexp-quote (format "[%s]" rule)) (flymake-diagnostic-text d)))
              (flymake-diagnostics)))

(add-to-list 'load-path (getenv "LETTERLINT_EMACS_ROOT"))
;; What a normal start does before the init file (--batch skips it): activate installed packages
;; (Debian's elpa-markdown-mode, if installed).
(when (fboundp 'package-activate-all) (package-activate-all))
(require 'letterlint)
(message "Emacs %s, eglot %s" emacs-version
         (or (ignore-errors (package-get-version)) (bound-and-true-p eglot-version)
             (locate-library "eglot")))
(setq letterlint-command (list (getenv "LETTERLINT_BIN") "lsp"))
(setq letterlint-settings '(:rules (:text/shouting "off")))
(letterlint-setup)

(find-file (getenv "LETTERLINT_LETTER"))
(e2e-check (memq major-mode letterlint-modes) (format "the letter opens in a letter mode (%s)" major-mode))
;; `eglot-ensure' (from the mode hook) connects after the next command.
(run-hooks 'post-command-hook)
(e2e-check (e2e-wait 20 #'eglot-current-server) "eglot connected to letterlint")
(e2e-check (cl-typep (eglot-current-server) 'eglot-letterlint) "the server is letterlint's")

(let ((d (e2e-wait 30 (lambda () (e2e-diagnostic "text/time-format")))))
  (e2e-check d "flymake received letterlint's text/time-format diagnostic")
  (e2e-check (string-match-p "`18:00pm` mixes a 24-hour time" (flymake-diagnostic-text d))
             (format "with its message: %s" (flymake-diagnostic-text d)))
  (e2e-check (equal (buffer-substring (flymake-diagnostic-beg d) (flymake-diagnostic-end d)) "18:00pm")
             "at the right place")
  (e2e-check (eq (flymake-diagnostic-type d) 'eglot-warning) "as a warning"))
(e2e-check (e2e-diagnostic "text/repeated-word") "other findings arrived too")
(e2e-check (null (e2e-diagnostic "text/shouting")) "letterlint-settings turned text/shouting off")

(letterlint-fix-all)
(e2e-check (e2e-wait 10 (lambda () (save-excursion (goto-char (point-min)) (search-forward "until 18:00." nil t))))
           "letterlint-fix-all applied the safe fixes")
(e2e-check (e2e-wait 30 (lambda () (and (null (e2e-diagnostic "text/time-format")) (flymake-diagnostics))))
           "the diagnostics followed the fix")
;; eglot sent its (empty) workspace configuration after connecting; the settings must survive it.
(e2e-check (and (e2e-diagnostic "text/informal") (null (e2e-diagnostic "text/shouting")))
           "letterlint-settings still apply after the edits")

(let ((letter (current-buffer)))
  (goto-char (point-min))
  (search-forward "ASAP")
  (backward-char 2)
  (e2e-check (equal (letterlint--rule-at-point) "text/informal") "the rule at point is found for letterlint-explain")
  (letterlint-explain "text/placeholder")
  (with-current-buffer "*letterlint text/placeholder*"
    (e2e-check (string-match-p "^# text/placeholder" (buffer-string)) "letterlint-explain shows the rule's documentation"))
  (set-buffer letter))
(set-buffer-modified-p nil)
(ignore-errors (eglot-shutdown (eglot-current-server)))
(message "all passed")
(kill-emacs (if e2e-failed 1 0))
