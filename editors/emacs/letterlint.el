;;; letterlint.el --- letterlint language server for Markdown letters, through eglot -*- lexical-binding: t -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1") (eglot "1.9"))
;; Keywords: languages, wp, tools
;; URL: https://github.com/letterlint/letterlint

;;; Commentary:

;; Connects Markdown buffers to `letterlint lsp' with eglot: letterlint's findings appear
;; through flymake, its fixes as code actions (`eglot-code-actions'), the letter's parts in imenu.
;;
;;   (add-to-list 'load-path "/path/to/letterlint/editors/emacs")
;;   (require 'letterlint)
;;   (letterlint-setup)       ; start letterlint in every Markdown buffer
;;
;; Works with Emacs 28 and the eglot package (Debian: elpa-eglot), and with Emacs 29+'s built-in
;; eglot. Markdown buffers are those in `letterlint-modes' (markdown-mode, gfm-mode,
;; markdown-ts-mode); without markdown-mode installed, `letterlint-setup' opens `.md' files in
;; `letterlint-markdown-mode', a plain text mode.

;;; Code:

(require 'cl-lib)
(require 'eglot)

(defgroup letterlint nil
  "Lint business letters written in Markdown with letterlint."
  :group 'tools
  :prefix "letterlint-")

(defcustom letterlint-command '("letterlint" "lsp")
  "The command that runs the letterlint language server."
  :type '(repeat string))

(defcustom letterlint-modes '(markdown-mode gfm-mode markdown-ts-mode letterlint-markdown-mode)
  "Major modes whose buffers letterlint checks."
  :type '(repeat symbol))

(defun letterlint--settings-changed (symbol value)
  "Set SYMBOL to VALUE and tell running letterlint servers."
  (set-default symbol value)
  (when (fboundp 'letterlint--servers)
    (dolist (server (letterlint--servers))
      (eglot-signal-didChangeConfiguration server))))

(defcustom letterlint-settings nil
  "Settings sent to the letterlint server, as a plist.
They apply over each letter's `letterlint.toml':

  (:kind \"appeal\"              ; appeal or reply, over the front matter
   :platform \"wish\"            ; wish aliexpress amazon ebay etsy shopee
                               ; walmart generic
   :locale \"zh-CN\"             ; language of messages: en or zh-CN
   :inlayHints t               ; name each paragraph's part (Emacs 29.1+ eglot)
   :rules (:text/shouting \"off\" :appeal/ \"error\"))

They go in `initializationOptions' and, under `letterlint', in every
`workspace/didChangeConfiguration' eglot sends."
  :type 'plist
  :initialize #'custom-initialize-default
  :set #'letterlint--settings-changed)

(define-derived-mode letterlint-markdown-mode text-mode "Letter"
  "A plain mode for Markdown letters, used when markdown-mode is not installed.")

(defclass eglot-letterlint (eglot-lsp-server) ()
  :documentation "The letterlint language server.")

(cl-defmethod eglot-initialization-options ((_server eglot-letterlint))
  "Send `letterlint-settings' at start."
  (or letterlint-settings (make-hash-table)))

(defun letterlint--servers ()
  "The running letterlint servers."
  (let (servers)
    (maphash (lambda (_project list)
               (dolist (server list)
                 (when (cl-typep server 'eglot-letterlint)
                   (push server servers))))
             eglot--servers-by-project)
    servers))

(defun letterlint--with-settings (send server)
  "Call SEND with SERVER, adding `letterlint-settings' to what it sends.
eglot sends `eglot-workspace-configuration' (often empty) right after
connecting; without this the server would take the empty settings over
`letterlint-settings'."
  (let ((user (and (fboundp 'eglot--workspace-configuration-plist)
                   (ignore-errors (eglot--workspace-configuration-plist server)))))
    (if (and (cl-typep server 'eglot-letterlint) letterlint-settings
             (not (and (listp user) (plist-get user :letterlint))))
        (jsonrpc-notify
         server :workspace/didChangeConfiguration
         (list :settings (append (list :letterlint letterlint-settings)
                                 (and (listp user) user))))
      (funcall send server))))

(advice-add 'eglot-signal-didChangeConfiguration :around #'letterlint--with-settings)

(defun letterlint--register ()
  "Put letterlint in `eglot-server-programs' for `letterlint-modes'."
  (let ((modes letterlint-modes))
    (setq eglot-server-programs
          (cons (cons modes (cons 'eglot-letterlint letterlint-command))
                (cl-remove-if (lambda (entry)
                                (let ((key (car entry)))
                                  (cl-some (lambda (m) (if (listp key) (memq m key) (eq m key))) modes)))
                              eglot-server-programs)))))

;;;###autoload
(defun letterlint-setup ()
  "Check every Markdown buffer with letterlint through eglot.
Registers the server, starts it in the buffers of `letterlint-modes', and
opens `.md' files in `letterlint-markdown-mode' when markdown-mode is not
installed."
  (interactive)
  (letterlint--register)
  (dolist (mode letterlint-modes)
    (add-hook (intern (format "%s-hook" mode)) #'eglot-ensure))
  (unless (fboundp 'markdown-mode)
    (add-to-list 'auto-mode-alist '("\\.\\(?:md\\|markdown\\|mkd\\)\\'" . letterlint-markdown-mode))))

;;;###autoload
(defun letterlint-fix-all ()
  "Apply every safe letterlint fix in the buffer (`source.fixAll.letterlint')."
  (interactive)
  (eglot-code-actions (point-min) (point-max) "source.fixAll.letterlint" t))

;;;###autoload
(defun letterlint-explain (rule)
  "Show the documentation of RULE (`letterlint explain')."
  (interactive
   (list (read-string "Rule: " (letterlint--rule-at-point))))
  (let ((buffer (get-buffer-create (format "*letterlint %s*" rule))))
    (with-current-buffer buffer
      (let ((inhibit-read-only t))
        (erase-buffer)
        (call-process (car letterlint-command) nil t nil "explain" rule)
        (goto-char (point-min))
        (if (fboundp 'markdown-view-mode) (markdown-view-mode) (view-mode))))
    (display-buffer buffer)))

(defun letterlint--rule-at-point ()
  "The rule id of a letterlint diagnostic at point, or nil."
  (cl-some (lambda (d)
             (let ((text (flymake-diagnostic-text d)))
               (and (string-match "\\[\\([a-z0-9-]+/[a-z0-9-]+\\)\\]" text)
                    (match-string 1 text))))
           (flymake-diagnostics (point))))

(provide 'letterlint)
;;; letterlint.el ends here
