"""The coordination office's support services: the public request form, its intake
(spam protection, storage, e-mail to the office) and the office's admin listing."""
