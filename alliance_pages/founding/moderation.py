"""The sub-alliance's moderation workflow: editors submit, moderators approve.

One Wagtail workflow per sub-alliance, with a single group approval task that the
sub-alliance's moderators and the coordination office may both approve, assigned to
the alliance page in every language (a translation is a page tree of its own). Pages
below inherit it, until a sub-alliance further down brings its own.
"""

from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask


def workflow_name(alliance_name: str) -> str:
    return f"{alliance_name}: Moderation"


def ensure_moderation(alliance_name: str, pages: list[Page], approvers: list[Group]) -> Workflow:
    workflow, _created = Workflow.objects.get_or_create(name=workflow_name(alliance_name))
    task = GroupApprovalTask.objects.filter(name=f"{alliance_name}: Approval").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=f"{alliance_name}: Approval")
    if set(task.groups.all()) != set(approvers):
        task.groups.set(approvers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in pages:
        assigned = WorkflowPage.objects.filter(page=page).first()
        if assigned is None:
            WorkflowPage.objects.create(page=page, workflow=workflow)
        elif assigned.workflow_id != workflow.pk:
            assigned.workflow = workflow
            assigned.save()
    return workflow
